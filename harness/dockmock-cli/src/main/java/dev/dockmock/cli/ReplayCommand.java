package dev.dockmock.cli;

import java.io.IOException;
import java.io.PrintStream;

/** {@code dockmock replay}: a cassette served to clients until Ctrl-C or SIGTERM. */
final class ReplayCommand implements Command {

    @Override
    public String summary() {
        return "Serve a recorded cassette to Docker clients, with no daemon";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        ReplayArgs options = ReplayArgs.parse(args);
        if (options.help()) {
            out.print(ReplayArgs.HELP);
            return 0;
        }
        ReplaySession session;
        try {
            session = ReplaySession.start(options, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock replay: " + e.getMessage());
            return 1;
        }
        Termination.onSignal(session::stop);
        return KEEP_RUNNING;
    }
}
