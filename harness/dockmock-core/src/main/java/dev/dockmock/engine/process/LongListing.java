package dev.dockmock.engine.process;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of busybox's {@code ls -l}: mode string, link count, owner, group, size, time, name
 * ({@code name -> target} for a link). Times are UTC, as in a container without a zone.
 *
 * @param accounts the names of owners and groups
 * @param numeric ids instead of names ({@code -n})
 * @param human sizes in K, M, G ({@code -h})
 * @param now the time that decides between an hour and a year
 */
record LongListing(Accounts accounts, boolean numeric, boolean human, Instant now) {
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** busybox shows the hour for times less than half a year old and up to 15 minutes ahead. */
    private static final long HALF_YEAR_SECONDS = 3600L * 24 * 365 / 2;

    /** The line for {@code stat}, named {@code name}, with its newline. */
    String line(ProcessFiles.Stat stat, String name) {
        String user = numeric ? Integer.toString(stat.uid()) : accounts.userName(stat.uid());
        String group = numeric ? Integer.toString(stat.gid()) : accounts.groupName(stat.gid());
        String shown = stat.kind() == ProcessFiles.Kind.SYMLINK ? name + " -> " + stat.linkTarget() : name;
        // busybox gives a human-readable size seven columns, a number of bytes nine
        String size = human ? String.format(Locale.ROOT, "%7s", HumanSize.bytes(stat.size()))
                : String.format(Locale.ROOT, "%9d", stat.size());
        return String.format(Locale.ROOT, "%s %4d %-8.8s %-8.8s %s %s %s\n", modeString(stat), stat.links(), user,
                group, size, time(stat.mtime()), shown);
    }

    /** The {@code total} line of a directory whose entries take {@code blocks} KiB. */
    String total(long blocks) {
        // busybox pads the human-readable total to seven columns
        return human ? String.format(Locale.ROOT, "total %-7s\n", HumanSize.blocks(blocks)) : "total " + blocks + "\n";
    }

    /** The 1 KiB blocks {@code total} counts for an entry: whole 4 KiB blocks of content; none for links. */
    static long blocks(ProcessFiles.Stat stat) {
        return switch (stat.kind()) {
            case DIRECTORY -> 4;
            case SYMLINK -> 0;
            case FILE -> (stat.size() + 4095) / 4096 * 4;
        };
    }

    /** {@code drwxrwxrwt}: the kind's letter, then rwx for user, group and others with set-id and sticky bits. */
    static String modeString(ProcessFiles.Stat stat) {
        int mode = stat.mode();
        StringBuilder text = new StringBuilder().append(stat.kind().letter());
        text.append(triple(mode >> 6, (mode & 04000) != 0, 's'));
        text.append(triple(mode >> 3, (mode & 02000) != 0, 's'));
        text.append(triple(mode, (mode & 01000) != 0, 't'));
        return text.toString();
    }

    private static String triple(int bits, boolean special, char specialLetter) {
        boolean execute = (bits & 1) != 0;
        char last = special ? (execute ? specialLetter : Character.toUpperCase(specialLetter)) : execute ? 'x' : '-';
        return "" + ((bits & 4) != 0 ? 'r' : '-') + ((bits & 2) != 0 ? 'w' : '-') + last;
    }

    private String time(Instant mtime) {
        long age = Duration.between(mtime, now).getSeconds();
        return (age < HALF_YEAR_SECONDS && age > -15 * 60 ? RECENT : OLD).format(mtime);
    }
}
