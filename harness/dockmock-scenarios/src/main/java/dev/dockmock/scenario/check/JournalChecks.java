package dev.dockmock.scenario.check;

import dev.dockmock.admin.JournalEntry;
import dev.dockmock.faults.RequestMatch;
import dev.dockmock.scenario.model.JournalExpect;
import dev.dockmock.scenario.model.RequestSpec;
import dev.dockmock.scenario.result.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the request journal against {@link JournalExpect}s: counts, ordering, body fields. The
 * {@code nodes} function names the swarm node whose listener an entry came to (empty for a
 * single engine), for expectations with a {@code node}.
 */
public final class JournalChecks {
    /** The request header that names the client; see ClientHomes. */
    public static final String CLIENT_HEADER = "X-Dockmock-Client";
    private static final int LISTED = 12;

    private JournalChecks() {
    }

    public static List<Failure> check(List<JournalEntry> journal, JournalExpect expect) {
        return check(journal, expect, entry -> Optional.empty());
    }

    public static List<Failure> check(List<JournalEntry> journal, JournalExpect expect, Function<JournalEntry, Optional<String>> nodes) {
        List<JournalEntry> matching = matching(journal, expect.request(), nodes);
        List<Failure> failures = new ArrayList<>();
        String count = expect.count().map(n -> "exactly " + n).or(() -> expect.atLeast().map(n -> "at least " + n)).orElse("at least 1");
        int wanted = expect.count().or(expect::atLeast).orElse(1);
        boolean ok = expect.count().isPresent() ? matching.size() == wanted : matching.size() >= wanted;
        if (!ok) {
            failures.add(new Failure("journal: expected " + count + " " + expect.request() + ", found " + matching.size(),
                    count + " " + expect.request(), listing(journal, nodes)));
        }
        expect.before().ifPresent(before -> {
            List<JournalEntry> later = matching(journal, before, nodes);
            if (matching.isEmpty() || later.isEmpty()) {
                failures.add(new Failure("journal: expected " + expect.request() + " before " + before + ", but "
                        + (matching.isEmpty() ? "the first" : "the second") + " never came", null, listing(journal, nodes)));
            } else if (matching.get(0).seq() >= later.get(0).seq()) {
                failures.add(new Failure("journal: expected " + expect.request() + " (first: #" + matching.get(0).seq() + ") before "
                        + before + " (first: #" + later.get(0).seq() + ")", null, listing(journal, nodes)));
            }
        });
        return failures;
    }

    /** The entries that {@code spec} matches, in arrival order. */
    public static List<JournalEntry> matching(List<JournalEntry> journal, RequestSpec spec, Function<JournalEntry, Optional<String>> nodes) {
        RequestMatch match = new RequestMatch(spec.method(), spec.path(), spec.query(), spec.body(), null);
        return journal.stream().filter(e -> match.matches(e.request()))
                .filter(e -> spec.client().map(c -> c.equals(client(e).orElse(null))).orElse(true))
                .filter(e -> spec.node().map(n -> n.equals(nodes.apply(e).orElse(null))).orElse(true)).toList();
    }

    /** The label the client sent, if it sent one. */
    public static Optional<String> client(JournalEntry entry) {
        return entry.request().headers().first(CLIENT_HEADER);
    }

    /** The journal as lines a person can scan, the last {@value #LISTED} at most. */
    static String listing(List<JournalEntry> journal, Function<JournalEntry, Optional<String>> nodes) {
        List<JournalEntry> shown = journal.size() <= LISTED ? journal : journal.subList(journal.size() - LISTED, journal.size());
        String lines = shown.stream().map(e -> "#" + e.seq() + " " + e.request().method() + " " + e.request().target() + " -> "
                + e.status() + client(e).map(c -> " (" + c + ")").orElse("") + nodes.apply(e).map(n -> " to " + n).orElse("")
                + body(e)).collect(Collectors.joining("\n"));
        return (journal.size() > shown.size() ? "... " + (journal.size() - shown.size()) + " earlier\n" : "")
                + (lines.isEmpty() ? "(no requests)" : lines);
    }

    private static String body(JournalEntry entry) {
        String text = entry.request().bodyText();
        if (text.isBlank() || !text.trim().startsWith("{")) {
            return "";
        }
        return " " + (text.length() > 70 ? text.substring(0, 70) + "..." : text.trim());
    }
}
