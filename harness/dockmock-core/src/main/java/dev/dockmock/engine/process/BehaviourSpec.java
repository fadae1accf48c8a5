package dev.dockmock.engine.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declared behaviour, as written in the image catalogue and in fixtures: output with timing,
 * then an exit code or running until stopped, the signals it handles, and what answers on its
 * published ports.
 *
 * @param program the program this describes ({@code nginx}, {@code /bin/ryuk}); matches argv[0]
 *     by name or path, or any command when empty
 * @param output what it writes, in order
 * @param untilStopped whether it keeps running after its output until a signal ends it
 * @param exitCode its exit code when it does not run until stopped
 * @param signals signal name to exit code, for the signals it handles (others as PID 1: ignored)
 * @param port what a client connecting to its published ports gets
 */
public record BehaviourSpec(String program, List<OutputStep> output, boolean untilStopped, int exitCode,
        Map<Integer, Integer> signals, PortAnswer port) {

    /** One write: text to stdout (stream 1) or stderr (stream 2), after a pause. */
    public record OutputStep(int stream, String text, Duration after) {
    }

    public BehaviourSpec {
        output = List.copyOf(output);
        signals = Map.copyOf(signals);
    }

    /** Reads the YAML/JSON form: see docs/fixtures.md. */
    public static BehaviourSpec fromJson(JsonNode node) {
        List<OutputStep> steps = new ArrayList<>();
        for (JsonNode step : node.path("output")) {
            if (step.isTextual()) {
                steps.add(new OutputStep(1, step.asText(), Duration.ZERO));
            } else {
                boolean err = step.has("stderr");
                steps.add(new OutputStep(err ? 2 : 1, step.path(err ? "stderr" : "stdout").asText(),
                        duration(step.path("after").asText("0ms"))));
            }
        }
        Map<Integer, Integer> signals = new HashMap<>();
        node.path("signals").fields().forEachRemaining(e -> signals.put(Signals.parse(e.getKey()), e.getValue().asInt()));
        PortAnswer port = new PortAnswer.Accept();
        if (node.path("ryuk").asBoolean(false)) {
            port = new PortAnswer.Ryuk();
        } else if (node.has("http")) {
            port = new PortAnswer.Banner(node.path("http").asText(), true);
        } else if (node.has("banner")) {
            port = new PortAnswer.Banner(node.path("banner").asText(), false);
        }
        return new BehaviourSpec(node.path("program").asText(""), steps,
                node.path("run").asText("exit").equals("until-stopped"), node.path("exitCode").asInt(0), signals, port);
    }

    /** Parses {@code 250ms}, {@code 2s}, {@code 1m}. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()) * 60);
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": use 250ms, 2s or 1m", e);
        }
    }

    /** Whether this spec describes {@code argv}. */
    public boolean matches(List<String> argv) {
        if (program.isEmpty()) {
            return true;
        }
        if (argv.isEmpty()) {
            return false;
        }
        for (String arg : argv) {
            if (arg.equals(program) || baseName(arg).equals(baseName(program))) {
                return true;
            }
        }
        return false;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The runnable behaviour. */
    public Behaviour behaviour() {
        return new ScriptedBehaviour(this);
    }
}
