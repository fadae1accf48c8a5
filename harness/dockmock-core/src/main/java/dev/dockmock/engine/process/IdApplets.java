package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/** {@code id} and {@code whoami} for the process's user ({@link ProcessIo#user()}), in busybox's words. */
final class IdApplets {

    private IdApplets() {
    }

    /** {@code id [-u|-g|-G] [-n] [USER]}: the process's ids, or another user's from {@code /etc/passwd}. */
    static int id(ProcessIo io) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        List<String> operands = options.operands();
        Accounts accounts = Accounts.of(io.files());
        ProcessUser user = io.user();
        if (!operands.isEmpty()) {
            OptionalInt uid = accounts.userId(operands.get(0));
            if (uid.isEmpty() || uid.getAsInt() < 0 || !accounts.knowsUser(uid.getAsInt())) {
                io.stderr("id: unknown user " + operands.get(0) + "\n");
                return 1;
            }
            try {
                user = ProcessUsers.resolve(operands.get(0), io.files());
            } catch (ProcessUsers.UnknownUser e) {
                io.stderr("id: unknown user " + operands.get(0) + "\n");
                return 1;
            }
        }
        boolean names = options.has('n');
        if (options.has('u')) {
            return ids(io, accounts, List.of(user.uid()), names, true);
        }
        if (options.has('G')) {
            return ids(io, accounts, groupsOf(user), names, false);
        }
        if (options.has('g')) {
            return ids(io, accounts, List.of(user.gid()), names, false);
        }
        if (names) {
            return FileApplets.usage(io, "id [-ugGnr] [USER]");
        }
        List<String> groups = new ArrayList<>();
        for (int group : groupsOf(user)) {
            groups.add(named(group, accounts.knowsGroup(group), accounts.groupName(group)));
        }
        io.stdout("uid=" + named(user.uid(), accounts.knowsUser(user.uid()), accounts.userName(user.uid()))
                + " gid=" + named(user.gid(), accounts.knowsGroup(user.gid()), accounts.groupName(user.gid()))
                + (groups.isEmpty() ? "" : " groups=" + String.join(",", groups)) + "\n");
        return 0;
    }

    /** {@code whoami}: the user's name, or busybox's complaint about a number without one. */
    static int whoami(ProcessIo io) {
        Accounts accounts = Accounts.of(io.files());
        int uid = io.user().uid();
        if (!accounts.knowsUser(uid)) {
            io.stderr("whoami: unknown uid " + uid + "\n");
            return 1;
        }
        io.stdout(accounts.userName(uid) + "\n");
        return 0;
    }

    private static List<Integer> groupsOf(ProcessUser user) {
        TreeSet<Integer> groups = new TreeSet<>(user.groups());
        return List.copyOf(groups);
    }

    /** Numbers, or with {@code -n} names; a number without a name is printed and reported, as busybox does. */
    private static int ids(ProcessIo io, Accounts accounts, List<Integer> ids, boolean names, boolean users) {
        int status = 0;
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            String prefix = i == 0 ? "" : " ";
            boolean known = users ? accounts.knowsUser(id) : accounts.knowsGroup(id);
            if (!names || known) {
                io.stdout(prefix + (names ? (users ? accounts.userName(id) : accounts.groupName(id)) : Integer.toString(id)));
            } else {
                io.stdout(prefix + id);
                io.stderr("id: unknown ID " + id + "\n");
                status = 1;
            }
        }
        io.stdout("\n");
        return status;
    }

    private static String named(int id, boolean known, String name) {
        return known ? id + "(" + name + ")" : Integer.toString(id);
    }
}
