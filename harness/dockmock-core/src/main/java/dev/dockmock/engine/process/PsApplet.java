package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * busybox's {@code ps [-o COL[=HEADER],...] [-T]}: the processes the caller can see, as
 * {@code PID   USER     TIME  COMMAND} lines unless {@code -o} picks the columns. As busybox,
 * it takes {@code -A -a -d -e -f -l} and operands such as {@code aux} and ignores them. No
 * process uses any CPU or memory here: TIME and ELAPSED are {@code 0:00}, VSZ and RSS {@code 0},
 * STAT {@code S}; the group is root's, the session and process group the process's own pid.
 */
final class PsApplet {
    /** What busybox's message lists (Alpine's build). */
    private static final String SUPPORTED =
            "user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss";

    /** One column: its title, width, whether its values are numbers (right-aligned), and its value for a process. */
    private record Column(String title, int width, boolean numeric, BiFunction<ProcessList.Entry, Accounts, String> value) {
        Column titled(String header) {
            return new Column(header, width, numeric, value);
        }
    }

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry("pid", new Column("PID", 5, true, (p, a) -> Integer.toString(p.pid()))),
            Map.entry("ppid", new Column("PPID", 5, true, (p, a) -> Integer.toString(p.ppid()))),
            Map.entry("pgid", new Column("PGID", 5, true, (p, a) -> Integer.toString(p.pid()))),
            Map.entry("sid", new Column("SID", 5, true, (p, a) -> Integer.toString(p.pid()))),
            Map.entry("user", new Column("USER", 8, false, PsApplet::user)),
            Map.entry("ruser", new Column("RUSER", 8, false, PsApplet::user)),
            Map.entry("group", new Column("GROUP", 8, false, (p, a) -> a.groupName(0))),
            Map.entry("rgroup", new Column("RGROUP", 8, false, (p, a) -> a.groupName(0))),
            Map.entry("comm", new Column("COMMAND", 16, false, (p, a) -> comm(p))),
            Map.entry("args", new Column("COMMAND", Integer.MAX_VALUE, false, (p, a) -> String.join(" ", p.argv()))),
            Map.entry("time", new Column("TIME", 5, true, (p, a) -> "0:00")),
            Map.entry("etime", new Column("ELAPSED", 7, true, (p, a) -> "0:00")),
            Map.entry("tty", new Column("TT", 6, false, (p, a) -> "?")),
            Map.entry("nice", new Column("NI", 5, true, (p, a) -> "0")),
            Map.entry("stat", new Column("STAT", 4, false, (p, a) -> "S")),
            Map.entry("vsz", new Column("VSZ", 4, true, (p, a) -> "0")),
            Map.entry("rss", new Column("RSS", 4, true, (p, a) -> "0")));

    private PsApplet() {
    }

    static int run(ProcessIo io) {
        List<Column> columns = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                continue;
            }
            for (int j = 1; j < arg.length(); j++) {
                char option = arg.charAt(j);
                if (option == 'o') {
                    String spec = j + 1 < arg.length() ? arg.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (spec == null) {
                        io.stderr("ps: option requires an argument -- 'o'\n");
                        return FileApplets.usage(io, "ps [-o COL1,COL2=HEADER] [-T]");
                    }
                    for (String item : spec.split(",")) {
                        String name = item.contains("=") ? item.substring(0, item.indexOf('=')) : item;
                        Column column = COLUMNS.get(name);
                        if (column == null) {
                            io.stderr("ps: bad -o argument '" + name + "', supported arguments: " + SUPPORTED + "\n");
                            return 1;
                        }
                        columns.add(item.contains("=") ? column.titled(item.substring(item.indexOf('=') + 1)) : column);
                    }
                    break;
                }
                if ("TAadefl".indexOf(option) < 0) {
                    io.stderr("ps: invalid option -- '" + option + "'\n");
                    return FileApplets.usage(io, "ps [-o COL1,COL2=HEADER] [-T]");
                }
            }
        }
        if (columns.isEmpty()) {
            columns = List.of(COLUMNS.get("pid"), COLUMNS.get("user"), COLUMNS.get("time"), COLUMNS.get("args"));
        }
        Accounts accounts = Accounts.of(io.files());
        StringBuilder out = new StringBuilder();
        if (columns.stream().anyMatch(column -> !column.title().isEmpty())) {
            out.append(line(columns, column -> column.title(), false));
        }
        for (ProcessList.Entry process : io.processes().entries()) {
            out.append(line(columns, column -> column.value().apply(process, accounts), true));
        }
        io.stdout(out.toString());
        return 0;
    }

    /** Columns padded to their widths and one space apart; the last one unpadded, as busybox does. */
    private static String line(List<Column> columns, java.util.function.Function<Column, String> text, boolean values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            boolean last = i == columns.size() - 1;
            String cell = text.apply(column);
            if (values && column.numeric()) {
                cell = String.format(Locale.ROOT, "%" + column.width() + "s", cell);
            } else if (!last) {
                cell = String.format(Locale.ROOT, "%-" + column.width() + "." + column.width() + "s", cell);
            }
            line.append(cell).append(last ? "\n" : " ");
        }
        return line.toString();
    }

    /** The user's name from the container's {@code /etc/passwd} ({@code root} when none was given). */
    private static String user(ProcessList.Entry process, Accounts accounts) {
        String user = process.user().contains(":") ? process.user().substring(0, process.user().indexOf(':')) : process.user();
        if (user.isEmpty()) {
            return accounts.userName(0);
        }
        return user.matches("\\d{1,9}") ? accounts.userName(Integer.parseInt(user)) : user;
    }

    /** The program's name as the kernel keeps it: the last part of argv[0], at most 15 characters. */
    private static String comm(ProcessList.Entry process) {
        String program = process.argv().isEmpty() ? "" : process.argv().get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.length() > 15 ? name.substring(0, 15) : name;
    }
}
