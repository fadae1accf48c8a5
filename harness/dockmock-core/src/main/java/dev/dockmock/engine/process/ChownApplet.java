package dev.dockmock.engine.process;

import java.util.List;
import java.util.OptionalInt;

/**
 * {@code chown [-Rhf] USER[:GROUP] FILE...} and {@code chgrp [-Rhf] GROUP FILE...}: set the owner
 * of the container's files. Names come from the container's {@code /etc/passwd} and
 * {@code /etc/group} (numbers are taken as they are); an unknown name stops the applet before any
 * file changes. Links named on the command line are followed unless {@code -h}; links met while
 * recursing change themselves.
 */
final class ChownApplet {

    private ChownApplet() {
    }

    static int run(ProcessIo io, boolean groupOnly) {
        String name = groupOnly ? "chgrp" : "chown";
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            return FileApplets.usage(io, name + " [-Rhf] " + (groupOnly ? "GROUP" : "USER[:[GRP]]") + " FILE...");
        }
        String spec = operands.get(0);
        String user = groupOnly ? "" : spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String group = groupOnly ? spec : spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "";
        Accounts accounts = Accounts.of(io.files());
        OptionalInt uid = user.isEmpty() ? OptionalInt.of(-1) : accounts.userId(user);
        if (uid.isEmpty()) {
            io.stderr(name + ": unknown user " + user + "\n");
            return 1;
        }
        // "user:" means the user's login group
        OptionalInt gid = !group.isEmpty() ? accounts.groupId(group)
                : OptionalInt.of(spec.endsWith(":") && !user.isEmpty() ? accounts.loginGroup(uid.getAsInt()) : -1);
        if (gid.isEmpty()) {
            io.stderr(name + ": unknown group " + group + "\n");
            return 1;
        }
        int status = 0;
        for (String operand : operands.subList(1, operands.size())) {
            try {
                change(io.files(), FileApplets.absolute(io, operand), uid.getAsInt(), gid.getAsInt(),
                        options.has('R'), !options.has('h'));
            } catch (ProcessFiles.Failure failure) {
                if (!options.has('f')) {
                    io.stderr(name + ": " + operand + ": " + failure.getMessage() + "\n");
                }
                status = 1;
            }
        }
        return status;
    }

    private static void change(ProcessFiles files, String path, int uid, int gid, boolean recursive,
            boolean followLinks) throws ProcessFiles.Failure {
        files.setOwner(path, uid, gid, followLinks);
        boolean directory = files.stat(path, followLinks).map(ProcessFiles.Stat::isDirectory).orElse(false);
        if (recursive && directory) {
            for (String child : ChmodApplet.children(files, path)) {
                change(files, child, uid, gid, true, false);
            }
        }
    }
}
