package dev.dockmock.engine.process;

import java.util.List;

/**
 * {@code stty} on the process's {@link Terminal}: {@code size} (the window size the client set
 * with {@code docker run}'s console size or a resize), and the settings {@code echo}/{@code -echo},
 * {@code icanon}/{@code -icanon}, {@code raw}/{@code -raw}, {@code cooked} and {@code sane}. Other
 * settings are refused as busybox refuses an unknown one; without arguments only the speed line is
 * printed. Without a terminal it fails as busybox on musl does.
 */
final class SttyApplet {

    private SttyApplet() {
    }

    static int run(ProcessIo io) {
        List<String> args = io.argv().subList(1, io.argv().size());
        if (io.terminal().isEmpty()) {
            io.stderr("stty: standard input: Not a tty\n");
            return 1;
        }
        Terminal terminal = io.terminal().get();
        if (args.isEmpty()) {
            io.stdout("speed 38400 baud; line = 0;\n");
            return 0;
        }
        TerminalModes modes = terminal.modes();
        for (String arg : args) {
            switch (arg) {
                case "size" -> {
                    if (terminal.rows() == 0 && terminal.columns() == 0) {
                        // busybox 1.35 against dockerd 20.10, when the client sent no size
                        io.stderr("stty: standard input\n");
                        return 1;
                    }
                    io.stdout(terminal.rows() + " " + terminal.columns() + "\n");
                }
                case "echo", "-echo" -> modes = modes.withEcho(arg.equals("echo"));
                case "icanon", "-icanon" -> modes = modes.withCanonical(arg.equals("icanon"));
                case "raw" -> modes = modes.raw();
                case "-raw", "cooked" -> modes = modes.cooked();
                case "sane" -> modes = TerminalModes.defaults();
                default -> {
                    io.stderr("stty: invalid argument '" + arg + "'\n");
                    return 1;
                }
            }
        }
        terminal.modes(modes);
        return 0;
    }
}
