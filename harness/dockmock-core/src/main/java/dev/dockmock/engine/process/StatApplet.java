package dev.dockmock.engine.process;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * busybox's {@code stat [-L] [-t] [-c FMT] FILE...} over the container's files. The device is
 * the same for every file, and the inode number is made from the path, there being no inodes;
 * access and change times are the modification time (the tree keeps only that one).
 */
final class StatApplet {
    private static final String USAGE = "stat [-ltf] [-c FMT] FILE...";
    private static final String TERSE = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o";
    private static final long DEVICE = 0x3b;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn '+0000'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private StatApplet() {
    }

    static int run(ProcessIo io) {
        String format = null;
        boolean follow = false;
        List<String> operands = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-c") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (arg.startsWith("-c") && arg.length() > 2) {
                format = arg.substring(2);
            } else if (arg.equals("-L")) {
                follow = true;
            } else if (arg.equals("-t")) {
                format = TERSE;
            } else if (arg.equals("-Lt") || arg.equals("-tL")) {
                follow = true;
                format = TERSE;
            } else {
                operands.add(arg);
            }
        }
        if (operands.isEmpty()) {
            return FileApplets.usage(io, USAGE);
        }
        Accounts accounts = Accounts.of(io.files());
        int status = 0;
        for (String operand : operands) {
            String path = FileApplets.absolute(io, operand);
            try {
                io.files().reach(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("stat: can't stat '" + operand + "': " + failure.getMessage() + "\n");
                status = 1;
                continue;
            }
            Optional<ProcessFiles.Stat> found = io.files().stat(path, follow);
            if (found.isEmpty()) {
                io.stderr("stat: can't stat '" + operand + "': No such file or directory\n");
                status = 1;
                continue;
            }
            ProcessFiles.Stat stat = found.get();
            io.stdout(format != null ? format(format, operand, path, stat, accounts) + "\n"
                    : full(operand, path, stat, accounts));
        }
        return status;
    }

    /** The default, several-line report. */
    private static String full(String name, String path, ProcessFiles.Stat stat, Accounts accounts) {
        String shown = stat.kind() == ProcessFiles.Kind.SYMLINK ? "'" + name + "' -> '" + stat.linkTarget() + "'" : name;
        String time = TIME.format(stat.mtime());
        return "  File: " + shown + "\n"
                + String.format(Locale.ROOT, "  Size: %-10d\tBlocks: %-10d IO Block: %-6d %s\n", stat.size(), blocks(stat), 4096,
                        type(stat))
                + String.format(Locale.ROOT, "Device: %xh/%dd\tInode: %-10d  Links: %d\n", DEVICE, DEVICE, inode(path, stat),
                        stat.links())
                + String.format(Locale.ROOT, "Access: (%04o/%10.10s)  Uid: (%5d/%8s)   Gid: (%5d/%8s)\n", stat.mode() & 07777,
                        LongListing.modeString(stat), stat.uid(), accounts.userName(stat.uid()), stat.gid(),
                        accounts.groupName(stat.gid()))
                + "Access: " + time + "\nModify: " + time + "\nChange: " + time + "\n";
    }

    /** {@code -c FMT}: each {@code %x} replaced; one busybox does not know stands for its letter. */
    static String format(String format, String name, String path, ProcessFiles.Stat stat, Accounts accounts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char directive = format.charAt(++i);
            out.append(switch (directive) {
                case 'n' -> name;
                case 'N' -> stat.kind() == ProcessFiles.Kind.SYMLINK ? "'" + name + "' -> '" + stat.linkTarget() + "'" : name;
                case 's' -> Long.toString(stat.size());
                case 'a' -> Integer.toOctalString(stat.mode() & 07777);
                case 'A' -> LongListing.modeString(stat);
                case 'f' -> Integer.toHexString(rawMode(stat));
                case 'F' -> type(stat);
                case 'u' -> Integer.toString(stat.uid());
                case 'U' -> accounts.userName(stat.uid());
                case 'g' -> Integer.toString(stat.gid());
                case 'G' -> accounts.groupName(stat.gid());
                case 'h' -> Integer.toString(stat.links());
                case 'b' -> Long.toString(blocks(stat));
                case 'B' -> "512";
                case 'o' -> "4096";
                case 'i' -> Long.toString(inode(path, stat));
                case 'd' -> Long.toString(DEVICE);
                case 'D' -> Long.toHexString(DEVICE);
                case 't', 'T' -> "0";
                case 'x', 'y', 'z' -> TIME.format(stat.mtime());
                case 'X', 'Y', 'Z' -> Long.toString(stat.mtime().getEpochSecond());
                default -> String.valueOf(directive);
            });
        }
        return out.toString();
    }

    /** 512-byte blocks, as a filesystem with 4 KiB blocks (ext4 under overlayfs) allocates them. */
    private static long blocks(ProcessFiles.Stat stat) {
        return LongListing.blocks(stat) * 2;
    }

    private static int rawMode(ProcessFiles.Stat stat) {
        int type = switch (stat.kind()) {
            case DIRECTORY -> 0040000;
            case SYMLINK -> 0120000;
            case FILE -> 0100000;
        };
        return type | stat.mode() & 07777;
    }

    private static String type(ProcessFiles.Stat stat) {
        return switch (stat.kind()) {
            case DIRECTORY -> "directory";
            case SYMLINK -> "symbolic link";
            case FILE -> stat.size() == 0 ? "regular empty file" : "regular file";
        };
    }

    /** A stable made-up inode number: the same path always gets the same one. */
    private static long inode(String path, ProcessFiles.Stat stat) {
        return 100_000 + Math.floorMod((path + stat.kind()).hashCode(), 9_000_000);
    }
}
