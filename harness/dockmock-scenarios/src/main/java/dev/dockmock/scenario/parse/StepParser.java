package dev.dockmock.scenario.parse;

import dev.dockmock.engine.process.ShellWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dockmock.protocol.Json;
import dev.dockmock.scenario.model.ActionStep;
import dev.dockmock.scenario.model.CheckStep;
import dev.dockmock.scenario.model.DockerStep;
import dev.dockmock.scenario.model.Expect;
import dev.dockmock.scenario.model.GroupStep;
import dev.dockmock.scenario.model.HttpStep;
import dev.dockmock.scenario.model.JavaStep;
import dev.dockmock.scenario.model.Setup;
import dev.dockmock.scenario.model.Step;
import dev.dockmock.scenario.model.Target;
import dev.dockmock.scenario.model.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one step: exactly one of docker, http, java, group, check or action, with its options. */
final class StepParser {
    private static final List<String> KINDS = List.of("docker", "http", "java", "group", "check", "action");
    private static final Set<String> COMMON = Set.of("name", "timeout", "expect");
    private static final Set<String> CLIENT = Set.of("client", "on", "node");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "docker", Set.of("stdin", "stdinFile", "env", "until"),
            "http", Set.of("headers", "body", "until"),
            "java", Set.of("params"),
            "group", Set.of(),
            "check", Set.of(),
            "action", Set.of("node", "faults", "for"));

    private final Setup setup;

    StepParser(Setup setup) {
        this.setup = setup;
    }

    /**
     * @param number the step's number among its siblings, from 1
     * @param groupPrefix empty at the top; inside a group, what default client labels start with
     */
    Step step(Node node, int number, String groupPrefix) {
        node.requireMap();
        List<String> kinds = KINDS.stream().filter(node::has).toList();
        if (kinds.size() != 1) {
            throw node.fail(kinds.isEmpty() ? "a step needs one of: " + String.join(", ", KINDS)
                    : "a step has one kind, not " + String.join(" and ", kinds));
        }
        String kind = kinds.get(0);
        Set<String> allowed = new java.util.HashSet<>(COMMON);
        allowed.add(kind);
        allowed.addAll(OPTIONS.get(kind));
        if (List.of("docker", "http", "java").contains(kind)) {
            allowed.addAll(CLIENT);
        }
        node.allowOnly(allowed);
        Duration timeout = node.optional("timeout").map(Node::duration).orElse(null);
        Expect expect = node.optional("expect").map(e -> ExpectParser.expect(e, setup)).orElse(Expect.none());
        String defaultClient = groupPrefix.isEmpty() ? defaultClient(kind) : defaultClient(kind) + "-" + groupPrefix + number;
        String client = node.optional("client").map(Node::text).orElse(defaultClient);
        Node body = node.field(kind);
        return switch (kind) {
            case "docker" -> docker(node, body, client, timeout, expect);
            case "http" -> http(node, body, client, timeout, expect);
            case "java" -> new JavaStep(name(node, "java " + body.text()), client, target(node), body.text(),
                    node.optional("params").map(Node::textMap).orElse(Map.of()), timeout, expect);
            case "group" -> group(node, body, number, timeout, expect);
            case "check" -> check(node, body, timeout, expect);
            default -> ActionParser.action(node, body, setup, timeout, expect);
        };
    }

    private static String defaultClient(String kind) {
        return switch (kind) {
            case "docker" -> "cli";
            case "http" -> "http";
            case "java" -> "java";
            default -> "";
        };
    }

    static String name(Node node, String fallback) {
        return node.optional("name").map(Node::text).orElse(fallback);
    }

    private Target target(Node node) {
        Optional<Transport> transport = node.optional("on").map(n -> ScenarioParser.transport(n, n.text()));
        transport.ifPresent(t -> {
            if (!setup.transports().contains(t)) {
                throw node.field("on").fail("the setup opens no " + t.label() + " listener; add it to setup.transports");
            }
        });
        Optional<String> nodeName = node.optional("node").map(Node::text);
        if (nodeName.isPresent() && setup.swarm().isEmpty()) {
            throw node.field("node").fail("\"node\" needs a swarm in the setup");
        }
        return new Target(transport, nodeName);
    }

    private DockerStep docker(Node node, Node body, String client, Duration timeout, Expect expect) {
        List<String> args;
        if (body.isList()) {
            args = body.texts();
        } else {
            try {
                args = ShellWords.split(body.text());
            } catch (IllegalArgumentException e) {
                throw body.fail(e.getMessage());
            }
        }
        if (!args.isEmpty() && args.get(0).equals("docker")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            throw body.fail("needs the docker command's arguments, e.g. \"ps -a\"");
        }
        Optional<Path> stdinFile = node.optional("stdinFile").map(n -> {
            Path path = n.relativePath();
            if (!Files.isRegularFile(path)) {
                throw n.fail("no file " + path);
            }
            return path;
        });
        DockerStep step = new DockerStep("", client, target(node), args, node.optional("stdin").map(Node::text), stdinFile,
                node.optional("env").map(Node::textMap).orElse(Map.of()), timeout,
                node.optional("until").map(Node::duration).orElse(null), expect);
        String name = name(node, step.command());
        return new DockerStep(name, client, step.target(), args, step.stdin(), stdinFile, step.env(), timeout, step.until(), expect);
    }

    private HttpStep http(Node node, Node body, String client, Duration timeout, Expect expect) {
        List<String> words = List.of(body.text().trim().split("\\s+"));
        if (words.size() != 2 || !words.get(1).startsWith("/")) {
            throw body.fail("expected \"METHOD /path\", e.g. \"GET /containers/json?all=1\", got " + body.describe());
        }
        String text = node.optional("body").map(b -> {
            if (b.isText()) {
                return b.text();
            }
            try {
                return Json.mapper().writeValueAsString(b.json());
            } catch (JsonProcessingException e) {
                throw b.fail("cannot be written as JSON: " + e.getOriginalMessage());
            }
        }).orElse("");
        return new HttpStep(name(node, words.get(0) + " " + words.get(1)), client, target(node), words.get(0), words.get(1),
                node.optional("headers").map(Node::textMap).orElse(Map.of()), text, timeout,
                node.optional("until").map(Node::duration).orElse(null), expect);
    }

    private GroupStep group(Node node, Node body, int number, Duration timeout, Expect expect) {
        List<Step> steps = new ArrayList<>();
        List<Node> items = body.items();
        for (int i = 0; i < items.size(); i++) {
            Step child = step(items.get(i), i + 1, "g" + number + "-");
            if (child instanceof GroupStep || child instanceof ActionStep) {
                throw items.get(i).fail("a group runs clients: docker, http, java or check steps");
            }
            steps.add(child);
        }
        if (steps.size() < 2) {
            throw body.fail("a group needs at least two steps to run at once");
        }
        return new GroupStep(name(node, "group " + number), steps, timeout, expect);
    }

    /** {@code check:} holds expectations itself; a separate {@code expect:} is refused as ambiguous. */
    private CheckStep check(Node node, Node body, Duration timeout, Expect expect) {
        if (!expect.isEmpty()) {
            throw node.field("expect").fail("a check step's expectations go under \"check\"");
        }
        Expect checks = ExpectParser.expect(body, setup);
        if (checks.journal().isEmpty() && checks.state().isEmpty()) {
            throw body.fail("a check needs \"journal\" or \"state\"");
        }
        return new CheckStep(name(node, "check"), timeout, checks);
    }
}
