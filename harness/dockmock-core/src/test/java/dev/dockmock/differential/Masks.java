package dev.dockmock.differential;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What is masked before dockerd's and dockmock's outputs are compared. {@link #generic} applies to
 * both sides and hides only what differs between any two runs of the same daemon (ids, clocks,
 * sizes). {@link #dockerd2010Wording} applies to dockerd's side only: it rewrites messages whose
 * wording changed between dockerd 20.10 (the reference here) and the docker 28 that dockmock
 * imitates; each rule is a row of the table in {@code docs/differential.md}.
 */
final class Masks {
    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final List<Rule> GENERIC = List.of(
            // RFC 3339 timestamps (inspect, logs -t, events).
            // Unix times with nanoseconds, as passed to events --since/--until.
            rule("\\b\\d{10}\\.\\d{9}\\b", "<unix-time>"),
            rule("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})", "<time>"),
            // Full and short ids, image ids with or without sha256: (ids are random per daemon).
            rule("\\b[0-9a-f]{64}\\b", "<id>"),
            rule("\\b[0-9a-f]{12}\\b", "<short-id>"),
            // Human durations as the CLI prints them: "Up 3 seconds", "Exited (0) 2 minutes ago", "2 years ago".
            rule("\\b(Less than a second|About an? (minute|hour)|\\d+ (second|minute|hour|day|week|month|year)s?)\\b",
                    "<duration>"),
            // Human sizes: "1.98MB", "7.8MB", "0B".
            rule("\\b\\d+(\\.\\d+)?\\s?(B|kB|KB|MB|GB|TB)\\b", "<size>"));

    private static final List<Rule> DOCKERD_2010_TO_28 = List.of(
            // "Container <id> is not running" became lower case (exec, kill, pause on a stopped container).
            rule("\\bContainer (\\S+) is not running", "container $1 is not running"),
            // The kill route's wrapping became lower case too.
            rule("Cannot kill container: ", "cannot kill container: "),
            // Removing a running container: new wording that names the container instead of its id.
            rule("You cannot remove a running container \\S+\\. Stop the container before attempting removal or force remove",
                    "cannot remove container <ref>: container is running: stop the container before removing or force remove"),
            // A missing image: 20.10 says it twice.
            rule("no such image: (\\S+): No such image: \\1", "No such image: $1"),
            // A failed container start (not exec): containerd 1.7 and runc 1.2 add these two phrases to the same error.
            rule("daemon: failed to create shim task: ", "daemon: failed to create task for container: failed to create shim task: "),
            rule("(runc create failed: unable to start container process: )exec: ", "$1error during container init: exec: "));

    private static final Rule DOCKMOCK_REMOVE_REF =
            rule("cannot remove container \"[^\"]*\": container is running", "cannot remove container <ref>: container is running");

    private Masks() {
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** Masks what differs between any two runs: timestamps, ids, durations, sizes. */
    static String generic(String text) {
        String out = text;
        for (Rule rule : GENERIC) {
            out = rule.apply(out);
        }
        return out;
    }

    /** dockerd 20.10's wording of the messages listed in docs/differential.md, rewritten as docker 28 words them. */
    static String dockerd2010Wording(String text) {
        String out = text;
        for (Rule rule : DOCKERD_2010_TO_28) {
            out = rule.apply(out);
        }
        return out;
    }

    /** dockmock's side of the "remove a running container" rewrite: 20.10 named no container to compare with. */
    static String dockmockWording(String text) {
        return DOCKMOCK_REMOVE_REF.apply(text);
    }

    /** Table padding follows the widest (masked) cell, so compare tables with single spaces between cells. */
    static String tableSpacing(String text) {
        return text.replaceAll("(?m) {2,}", "  ").replaceAll("(?m) +$", "");
    }

    /** Drops every line equal to {@code line}. */
    static UnaryOperator<String> withoutLine(String line) {
        return text -> text.replaceAll("(?m)^" + Pattern.quote(line) + "\n", "");
    }
}
