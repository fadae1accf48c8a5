package dev.dockmock.differential;

import dev.dockmock.testing.DockerCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One side of a differential run: docker CLI commands against one server, recorded (masked) as a
 * transcript. The same script runs in a session per server; the transcripts must be equal.
 */
final class Session {
    /** Which server a session talks to. */
    enum Side {
        DOCKERD, DOCKMOCK
    }

    /**
     * One recorded command.
     *
     * @param command what was run, as a user would type it
     * @param exitCode the CLI's exit code; -1 when it did not finish in time
     * @param stdout masked standard output
     * @param stderr masked standard error
     */
    record Step(String command, int exitCode, String stdout, String stderr) {
        String render() {
            return "$ " + command + "\nexit " + exitCode + "\n" + block("stdout", stdout) + block("stderr", stderr);
        }

        private static String block(String name, String text) {
            if (text.isEmpty()) {
                return "";
            }
            return "--- " + name + "\n" + text + (text.endsWith("\n") ? "" : "\n(no newline at end)\n");
        }
    }

    private final Side side;
    private final DockerCli cli;
    private final Path scratch;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> containers = new LinkedHashSet<>();
    private final Set<String> volumes = new LinkedHashSet<>();

    Session(Side side, DockerCli cli, Path scratch) {
        this.side = side;
        this.cli = cli;
        this.scratch = scratch;
    }

    Side side() {
        return side;
    }

    boolean isDockmock() {
        return side == Side.DOCKMOCK;
    }

    /** A directory of this session's own, for files that {@code docker cp} reads or writes. */
    Path scratch() {
        return scratch;
    }

    /** Runs and records {@code docker args...}. */
    DockerCli.Result run(String... args) throws IOException, InterruptedException {
        return record(null, UnaryOperator.identity(), args);
    }

    /** Runs and records {@code docker args...}, then applies {@code mask} (after the generic masks) to what it printed. */
    DockerCli.Result run(UnaryOperator<String> mask, String... args) throws IOException, InterruptedException {
        return record(null, mask, args);
    }

    /** Runs and records {@code docker args...} with {@code stdin} piped in. */
    DockerCli.Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        return record(stdin, UnaryOperator.identity(), args);
    }

    /** Runs and records {@code docker args...} with {@code stdin} piped in, then applies {@code mask} to what it printed. */
    DockerCli.Result runWithInput(String stdin, UnaryOperator<String> mask, String... args) throws IOException, InterruptedException {
        return record(stdin, mask, args);
    }

    /** Records something observed outside the CLI (a copied file's content), under {@code label}. */
    void note(String label, String observed) {
        steps.add(new Step(scrub(label), 0, scrub(observed), ""));
    }

    /** Removes container {@code name} (with {@code rm -f}, unrecorded) when the script ends. */
    void removeAtEnd(String name) {
        containers.add(name);
    }

    /** Removes volume {@code name} (with {@code volume rm -f}, unrecorded) when the script ends, after the containers. */
    void removeVolumeAtEnd(String name) {
        volumes.add(name);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Force-removes the containers named with {@link #removeAtEnd}, then the volumes; failures are ignored. */
    void cleanUp() {
        if (!containers.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(containers);
            quietly(args);
        }
        if (!volumes.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("volume", "rm", "-f"));
            args.addAll(volumes);
            quietly(args);
        }
    }

    private void quietly(List<String> args) {
        try {
            cli.run(args.toArray(new String[0]));
        } catch (IOException | AssertionError e) {
            System.out.println(side + ": clean-up failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DockerCli.Result record(String stdin, UnaryOperator<String> mask, String... args)
            throws IOException, InterruptedException {
        String command = scrub("docker " + shellWords(args) + (stdin == null ? "" : " <<< " + quote(stdin)));
        DockerCli.Result result;
        try {
            result = stdin == null ? cli.run(args) : cli.runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
        } catch (AssertionError timedOut) {
            // DockerCli kills a CLI that outlives its timeout; record that, so the comparison shows it.
            steps.add(new Step(command, -1, "", "(killed: " + timedOut.getMessage().lines().findFirst().orElse("") + ")\n"));
            return new DockerCli.Result(-1, "", timedOut.getMessage());
        }
        steps.add(new Step(command, result.exitCode(), mask(result.stdout(), mask), mask(result.stderr(), mask)));
        return result;
    }

    private String mask(String text, UnaryOperator<String> extra) {
        String out = side == Side.DOCKERD ? Masks.dockerd2010Wording(text) : Masks.dockmockWording(text);
        return extra.apply(scrub(out));
    }

    /** The generic masks, and this session's scratch directory shown as {@code <scratch>}. */
    private String scrub(String text) {
        return Masks.generic(text.replace(scratch.toString(), "<scratch>"));
    }

    private static String quote(String stdin) {
        return "$'" + stdin.replace("\n", "\\n").replace("'", "\\'") + "'";
    }

    /** The arguments as a shell would need them typed: {@code sh -c 'exit 3'}. */
    private static String shellWords(String... args) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
