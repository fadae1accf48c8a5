package dev.dockmock.cli;

import dev.dockmock.session.Cassette;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code dockmock cassette show|check FILE}: read a cassette without serving it. */
final class CassetteCommand implements Command {

    static final String HELP = """
            Usage: dockmock cassette show [--no-trunc] FILE
                   dockmock cassette check FILE

            show    Print the recorded session as a timeline: when each request came (from the start
                    of recording), what it asked, the status, and what its body, stream or
                    attach/exec conversation held. Container ids are cut to 12 characters unless
                    --no-trunc is given.
            check   Load the cassette as replay would and print its counts and warnings.

            Exit codes: 0 when the cassette loads, 1 when it does not, 2 for a wrong command line.
            """;

    @Override
    public String summary() {
        return "Show a cassette's timeline, or check that it loads";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            throw new UsageException("show or check? Give a sub-command and a cassette FILE");
        }
        String sub = args[0];
        if (sub.equals("-h") || sub.equals("--help") || sub.equals("help")) {
            out.print(HELP);
            return 0;
        }
        if (!sub.equals("show") && !sub.equals("check")) {
            throw new UsageException("unknown sub-command \"" + sub + "\": expected show or check");
        }
        boolean noTrunc = false;
        Flags flags = new Flags(java.util.Arrays.copyOfRange(args, 1, args.length));
        String flag;
        while ((flag = flags.next()) != null) {
            switch (flag) {
                case "-h", "--help" -> {
                    out.print(HELP);
                    return 0;
                }
                case "--no-trunc" -> {
                    if (!sub.equals("show")) {
                        throw flags.unknown();
                    }
                    flags.noValue();
                    noTrunc = true;
                }
                default -> throw flags.unknown();
            }
        }
        List<String> operands = flags.operands();
        if (operands.size() != 1) {
            throw new UsageException(operands.isEmpty() ? "which cassette? Give its FILE" : "one cassette FILE at a time, got " + operands);
        }
        Path file = Path.of(operands.get(0));
        Cassette cassette;
        try {
            cassette = CassetteFiles.load(file);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock cassette " + sub + ": " + e.getMessage());
            return 1;
        }
        if (sub.equals("show")) {
            new Timeline(noTrunc).print(file, cassette, out);
        } else {
            check(file, cassette, out);
        }
        out.flush();
        return 0;
    }

    private static void check(Path file, Cassette cassette, PrintStream out) {
        List<Interaction> interactions = cassette.interactions();
        int plain = 0;
        int streams = 0;
        int cutShort = 0;
        int hijacked = 0;
        for (Interaction interaction : interactions) {
            RecordedBody body = interaction.response().body();
            if (body instanceof RecordedBody.Stream stream) {
                streams++;
                if (!stream.complete()) {
                    cutShort++;
                }
            } else if (body instanceof RecordedBody.Conversation) {
                hijacked++;
            } else {
                plain++;
            }
        }
        out.println(file + ": dockmock cassette version " + cassette.header().version() + ", recorded "
                + cassette.header().recorded() + " from " + cassette.header().source());
        out.println(interactions.size() + (interactions.size() == 1 ? " interaction: " : " interactions: ") + plain + " plain, "
                + streams + (streams == 1 ? " stream" : " streams") + " (" + cutShort + " cut short), " + hijacked + " hijacked");
        List<String> warnings = new ArrayList<>(cassette.warnings());
        String missing = missingIds(interactions);
        if (!missing.isEmpty()) {
            warnings.add("no interaction with id " + missing + ": requests whose answers had not completed when"
                    + " recording stopped (or lines deleted by hand)");
        }
        if (warnings.isEmpty()) {
            out.println("no warnings");
        } else {
            out.println(warnings.size() + (warnings.size() == 1 ? " warning:" : " warnings:"));
            warnings.forEach(w -> out.println("  " + w));
        }
    }

    /** Gaps in the ids, as {@code 4, 8-9}: interactions that began but were never written. */
    static String missingIds(List<Interaction> interactions) {
        List<String> gaps = new ArrayList<>();
        int expected = 1;
        for (Interaction interaction : interactions) {
            int id = interaction.id();
            if (id > expected) {
                gaps.add(id - 1 == expected ? String.valueOf(expected) : expected + "-" + (id - 1));
            }
            expected = id + 1;
        }
        return String.join(", ", gaps);
    }
}
