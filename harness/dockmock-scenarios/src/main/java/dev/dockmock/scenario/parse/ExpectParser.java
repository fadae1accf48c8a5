package dev.dockmock.scenario.parse;

import dev.dockmock.dispatch.PathTemplate;
import dev.dockmock.scenario.model.Expect;
import dev.dockmock.scenario.model.JournalExpect;
import dev.dockmock.scenario.model.JsonExpect;
import dev.dockmock.scenario.model.RequestSpec;
import dev.dockmock.scenario.model.Setup;
import dev.dockmock.scenario.model.StateExpect;
import dev.dockmock.scenario.model.TextExpect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a step's {@code expect:} (and a check step's body). */
final class ExpectParser {
    private static final Set<String> EXPECT = Set.of("exitCode", "stdout", "stderr", "status", "body", "journal", "state");
    private static final Set<String> TEXT = Set.of("equals", "contains", "notContains", "matches", "empty", "json");
    private static final Set<String> JSON = Set.of("equals", "contains", "length", "exists");
    private static final Set<String> JOURNAL = Set.of("request", "query", "body", "client", "node", "count", "atLeast", "before");
    private static final Set<String> REQUEST = Set.of("request", "query", "body", "client", "node");
    private static final Set<String> STATE = Set.of("node", "containers", "images", "absentImages", "networks", "volumes", "services");

    private ExpectParser() {
    }

    static Expect expect(Node node, Setup setup) {
        node.allowOnly(EXPECT);
        List<JournalExpect> journal = new ArrayList<>();
        node.optional("journal").ifPresent(j -> j.items().forEach(item -> journal.add(journal(item, setup))));
        return new Expect(node.optional("exitCode").map(Node::wholeNumber), node.optional("stdout").map(ExpectParser::text),
                node.optional("stderr").map(ExpectParser::text), node.optional("status").map(Node::wholeNumber),
                node.optional("body").map(ExpectParser::text), journal, node.optional("state").map(ExpectParser::state));
    }

    /** A text alone means "contains", a list of texts "contains each"; a mapping has the detailed checks. */
    private static TextExpect text(Node node) {
        if (node.isText() || node.isList()) {
            return new TextExpect(Optional.empty(), node.texts(), List.of(), List.of(), Optional.empty(), List.of());
        }
        node.allowOnly(TEXT);
        List<Pattern> patterns = new ArrayList<>();
        node.optional("matches").ifPresent(m -> {
            for (String regex : m.texts()) {
                try {
                    patterns.add(Pattern.compile(regex, Pattern.MULTILINE));
                } catch (PatternSyntaxException e) {
                    throw m.fail("not a regular expression: " + e.getDescription() + " in " + regex);
                }
            }
        });
        List<JsonExpect> json = new ArrayList<>();
        node.optional("json").ifPresent(j -> j.entries().forEach((path, value) -> json.add(json(path, value))));
        return new TextExpect(node.optional("equals").map(Node::text), node.optional("contains").map(Node::texts).orElse(List.of()),
                node.optional("notContains").map(Node::texts).orElse(List.of()), patterns, node.optional("empty").map(Node::bool), json);
    }

    private static JsonExpect json(String path, Node value) {
        if (!value.isMap()) {
            return new JsonExpect(path, Optional.of(value.json().isNull() ? "null" : value.text()), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        value.allowOnly(JSON);
        return new JsonExpect(path, value.optional("equals").map(Node::text), value.optional("contains").map(Node::text),
                value.optional("length").map(Node::wholeNumber), value.optional("exists").map(Node::bool));
    }

    private static JournalExpect journal(Node node, Setup setup) {
        node.allowOnly(JOURNAL);
        RequestSpec request = request(node, setup);
        Optional<RequestSpec> before = node.optional("before").map(b -> {
            if (b.isText()) {
                return spec(b, b.text(), Map.of(), Map.of(), Optional.empty(), Optional.empty());
            }
            b.allowOnly(REQUEST);
            return request(b, setup);
        });
        return new JournalExpect(request, node.optional("count").map(Node::wholeNumber), node.optional("atLeast").map(Node::wholeNumber),
                before);
    }

    private static RequestSpec request(Node node, Setup setup) {
        if (!node.has("request")) {
            throw node.fail("needs \"request\", e.g. request: POST /containers/create");
        }
        return spec(node.field("request"), node.field("request").text(), node.optional("query").map(Node::textMap).orElse(Map.of()),
                node.optional("body").map(Node::textMap).orElse(Map.of()), node.optional("client").map(Node::text),
                node.optional("node").map(n -> swarmNode(n, setup)));
    }

    /** A node name the setup's swarm has: {@code manager1}..{@code managerM}, {@code worker1}..{@code workerW}. */
    private static String swarmNode(Node at, Setup setup) {
        Setup.SwarmSetup shape = setup.swarm().orElseThrow(() -> at.fail("\"node\" needs a swarm in the setup"));
        List<String> names = shape.nodeNames();
        if (!names.contains(at.text())) {
            throw at.fail("the swarm has no node \"" + at.text() + "\"; it has " + String.join(", ", names));
        }
        return at.text();
    }

    /** "METHOD /path", "/path" or "METHOD"; {@code *} stands for any. */
    private static RequestSpec spec(Node at, String text, Map<String, String> query, Map<String, String> body, Optional<String> client,
            Optional<String> node) {
        String method = null;
        String path = null;
        for (String word : text.trim().split("\\s+")) {
            if (word.startsWith("/")) {
                path = word;
            } else if (!word.equals("*") && method == null && path == null) {
                method = word;
            } else if (!word.equals("*")) {
                throw at.fail("expected \"METHOD /path\" (either may be *), got \"" + text + "\"");
            }
        }
        if (path != null) {
            try {
                PathTemplate.parse(path);
            } catch (IllegalArgumentException e) {
                throw at.fail("not a path template: " + e.getMessage());
            }
        }
        return new RequestSpec(method, path, query, body, client, node);
    }

    private static StateExpect state(Node node) {
        node.allowOnly(STATE);
        List<StateExpect.ContainerState> containers = new ArrayList<>();
        node.optional("containers").ifPresent(c -> {
            if (c.isList()) {
                c.items().forEach(n -> containers.add(new StateExpect.ContainerState(n.text(), Optional.empty())));
            } else {
                c.entries().forEach((name, state) -> containers.add(new StateExpect.ContainerState(name,
                        state.text().equals("any") ? Optional.empty() : Optional.of(state.text()))));
            }
        });
        List<StateExpect.ServiceState> services = new ArrayList<>();
        node.optional("services").ifPresent(s -> s.entries().forEach((name, running) ->
                services.add(new StateExpect.ServiceState(name, running.wholeNumber()))));
        return new StateExpect(node.optional("node").map(Node::text), containers,
                node.optional("images").map(Node::texts).orElse(List.of()), node.optional("absentImages").map(Node::texts).orElse(List.of()),
                node.optional("networks").map(Node::texts).orElse(List.of()), node.optional("volumes").map(Node::texts).orElse(List.of()),
                services);
    }
}
