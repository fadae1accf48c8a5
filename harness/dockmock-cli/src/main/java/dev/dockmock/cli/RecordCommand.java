package dev.dockmock.cli;

import java.io.IOException;
import java.io.PrintStream;

/** {@code dockmock record}: a recording proxy in front of a real daemon until Ctrl-C or SIGTERM. */
final class RecordCommand implements Command {

    @Override
    public String summary() {
        return "Record what clients and a real daemon say into a cassette";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        RecordArgs options = RecordArgs.parse(args);
        if (options.help()) {
            out.print(RecordArgs.HELP);
            return 0;
        }
        RecordSession session;
        try {
            session = RecordSession.start(options, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock record: " + e.getMessage());
            return 1;
        }
        Termination.onSignal(session::stop);
        return KEEP_RUNNING;
    }
}
