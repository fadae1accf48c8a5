package dev.dockmock.engine.process;

import dev.dockmock.engine.process.Filesystem;
import java.util.List;
import java.util.Optional;

/**
 * busybox 1.35's {@code df [-kmhTaP] [-t TYPE] [PATH]...} and {@code mount} without arguments,
 * from the container's mount table ({@code /proc/mounts}). {@code df} skips filesystems without
 * blocks (proc, sysfs, ...) unless {@code -a}, and finds a path's filesystem as busybox does: the
 * first mount whose point is the path or whose device holds it. Sizes are the table's
 * (docs/engine.md: made up for the disk, counted from the trees for use).
 */
final class MountApplets {
    private static final String DF_USAGE = "df [-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...";

    /** What {@code df}'s options ask for. */
    private record DfOptions(boolean human, boolean megabytes, boolean type, boolean all, boolean posix, String onlyType) {
    }

    private MountApplets() {
    }

    /** {@code mount}: with no arguments, the table as {@code DEVICE on POINT type TYPE (OPTIONS)}; mounting is not allowed. */
    static int mount(ProcessIo io) {
        if (io.argv().size() > 1) {
            io.stderr("mount: permission denied (are you root?)\n");
            return 1;
        }
        for (Filesystem fs : io.files().mounts()) {
            io.stdout(fs.device() + " on " + fs.point() + " type " + fs.type() + " (" + fs.options() + ")\n");
        }
        return 0;
    }

    static int df(ProcessIo io) {
        FileApplets.Options parsed = FileApplets.Options.parse(io.argv(), "tB");
        for (char flag : parsed.flags().toCharArray()) {
            if ("PkmhTaitB".indexOf(flag) < 0) {
                io.stderr("df: invalid option -- '" + flag + "'\n");
                return FileApplets.usage(io, DF_USAGE);
            }
        }
        String onlyType = null;
        for (int i = 1; i < io.argv().size() - 1; i++) {
            if (io.argv().get(i).equals("-t")) {
                onlyType = io.argv().get(i + 1);
            }
        }
        DfOptions options = new DfOptions(parsed.has('h'), parsed.has('m') && !parsed.has('h'), parsed.has('T'),
                parsed.has('a'), parsed.has('P'), onlyType);
        List<Filesystem> table = io.files().mounts();
        io.stdout(header(options));
        if (parsed.operands().isEmpty()) {
            for (Filesystem fs : table) {
                if ((fs.blocks() > 0 || options.all()) && (onlyType == null || onlyType.equals(fs.type()))) {
                    io.stdout(line(fs, options));
                }
            }
            return 0;
        }
        int status = 0;
        for (String operand : parsed.operands()) {
            Optional<Filesystem> found = find(io, table, operand);
            if (found.isEmpty()) {
                io.stderr("df: " + operand + ": can't find mount point\n");
                status = 1;
            } else {
                io.stdout(line(found.get(), options));
            }
        }
        return status;
    }

    /** busybox's find_mount_point: the first entry named by the path, or on the device that holds it. */
    private static Optional<Filesystem> find(ProcessIo io, List<Filesystem> table, String operand) {
        Optional<String> device = io.files().deviceOf(FileApplets.absolute(io, operand));
        if (device.isEmpty()) {
            return Optional.empty();
        }
        return table.stream().filter(fs -> fs.point().equals(operand) || fs.device().equals(operand)
                || fs.deviceId().equals(device.get())).findFirst();
    }

    private static String header(DfOptions options) {
        String units = options.human() ? "Size" : options.posix() ? "1024-blocks" : options.megabytes() ? "1M-blocks" : "1K-blocks";
        return String.format("%-20s %s%9s %9s %s %s Mounted on\n", "Filesystem", options.type() ? "Type       " : "",
                units, "Used", "Available", options.posix() ? "Capacity" : "Use%").replace("1024-blocks      Used", "1024-blocks    Used");
    }

    private static String line(Filesystem fs, DfOptions options) {
        long used = fs.used();
        long percent = used + fs.available() == 0 ? 0 : (used * 100 + (used + fs.available()) / 2) / (used + fs.available());
        StringBuilder line = new StringBuilder(fs.device());
        line.append(fs.device().length() > 20 ? "\n" + " ".repeat(20) : " ".repeat(20 - fs.device().length()));
        if (options.type()) {
            line.append(' ').append(String.format("%-10s", fs.type()));
        }
        line.append(String.format(" %9s %9s %9s %3d%% %s\n", size(fs.blocks(), options), size(used, options),
                size(fs.available(), options), percent, fs.point()));
        return line.toString();
    }

    private static String size(long kibibytes, DfOptions options) {
        if (options.human()) {
            return kibibytes == 0 ? "0" : HumanSize.bytes(kibibytes * 1024);
        }
        return Long.toString(options.megabytes() ? (kibibytes + 512) / 1024 : kibibytes);
    }
}
