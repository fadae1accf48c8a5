package dev.dockmock.scenario.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.model.Setup;
import dev.dockmock.scenario.model.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads scenario files (docs/scenarios.md). Everything is checked before anything runs: an unknown
 * field, a wrong type or a missing file is a {@link ScenarioFormatException} naming the line and field.
 */
public final class ScenarioParser {
    static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(20);
    static final Duration DEFAULT_SCENARIO_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> TOP = Set.of("name", "description", "tags", "setup", "steps", "timeout", "stepTimeout");
    private static final Set<String> SETUP = Set.of("transports", "fixtures", "images", "faults", "cassette", "stubs", "swarm");
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(new YAMLFactory());

    private ScenarioParser() {
    }

    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, "", "cannot be read: " + e.getMessage());
        }
        return parse(file, text);
    }

    public static Scenario parse(Path file, String text) {
        Node root = Node.root(YamlDocument.parse(file, text)).allowOnly(TOP);
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.optional("name").map(Node::text).orElse(base);
        String description = root.optional("description").map(Node::text).orElse("");
        List<String> tags = root.optional("tags").map(Node::texts).orElse(List.of());
        Setup setup = root.optional("setup").map(ScenarioParser::setup).orElse(Setup.defaults());
        if (!root.has("steps")) {
            throw root.fail("a scenario needs \"steps\": a list of docker, http, java, group, check or action steps");
        }
        StepParser steps = new StepParser(setup);
        List<dev.dockmock.scenario.model.Step> list = new ArrayList<>();
        List<Node> items = root.field("steps").items();
        if (items.isEmpty()) {
            throw root.field("steps").fail("a scenario needs at least one step");
        }
        for (int i = 0; i < items.size(); i++) {
            list.add(steps.step(items.get(i), i + 1, ""));
        }
        return new Scenario(name, description, tags, file, setup, list,
                root.optional("stepTimeout").map(Node::duration).orElse(DEFAULT_STEP_TIMEOUT),
                root.optional("timeout").map(Node::duration).orElse(DEFAULT_SCENARIO_TIMEOUT));
    }

    private static Setup setup(Node node) {
        node.allowOnly(SETUP);
        List<Transport> transports = node.optional("transports").map(ScenarioParser::transports).orElse(List.of(Transport.UNIX));
        List<Path> fixtures = node.optional("fixtures").map(n -> existing(n, false)).orElse(List.of());
        List<String> images = node.optional("images").map(Node::texts).orElse(List.of());
        List<Setup.FaultSource> faults = new ArrayList<>();
        node.optional("faults").ifPresent(f -> (f.isList() ? f.items() : List.of(f)).forEach(one -> faults.add(faultSource(one))));
        Optional<Setup.CassetteSetup> cassette = node.optional("cassette").map(ScenarioParser::cassette);
        Optional<Path> stubs = node.optional("stubs").map(n -> existing(n, true).get(0));
        Optional<Setup.SwarmSetup> swarm = node.optional("swarm").map(ScenarioParser::swarm);
        int backends = (cassette.isPresent() ? 1 : 0) + (stubs.isPresent() ? 1 : 0) + (swarm.isPresent() ? 1 : 0);
        if (backends > 1) {
            throw node.fail("choose one of cassette, stubs and swarm");
        }
        if (swarm.isPresent() && !node.has("transports")) {
            transports = List.of(Transport.TCP);
        }
        if (swarm.isPresent() && transports.size() != 1) {
            throw node.field("transports").fail("a swarm's nodes each listen on one transport; choose one of unix, tcp and tls "
                    + "and pick a node with \"node:\"");
        }
        return new Setup(transports, fixtures, images, faults, cassette, stubs, swarm);
    }

    private static List<Transport> transports(Node node) {
        List<Transport> list = new ArrayList<>();
        for (String name : node.texts()) {
            list.add(transport(node, name));
        }
        if (list.isEmpty()) {
            throw node.fail("needs at least one of unix, tcp, tls");
        }
        return list;
    }

    static Transport transport(Node node, String name) {
        try {
            return Transport.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.fail("unknown transport \"" + name + "\"; known: unix, tcp, tls");
        }
    }

    private static List<Path> existing(Node node, boolean directory) {
        List<Path> paths = new ArrayList<>();
        for (Node one : node.isList() ? node.items() : List.of(node)) {
            Path path = one.relativePath();
            if (directory ? !Files.isDirectory(path) : !Files.exists(path)) {
                throw one.fail("no " + (directory ? "directory " : "file ") + path);
            }
            paths.add(path);
        }
        return paths;
    }

    /** A fault document: a path to a fault file, or the document itself inline. */
    static Setup.FaultSource faultSource(Node node) {
        if (node.isText()) {
            Path path = existing(node, false).get(0);
            try {
                return new Setup.FaultSource(path.toString(), Files.readString(path));
            } catch (IOException e) {
                throw node.fail("cannot read " + path + ": " + e.getMessage());
            }
        }
        try {
            String text = YAML_WRITER.writeValueAsString(node.requireMap().json());
            dev.dockmock.admin.FaultDocument.parse(text);
            return new Setup.FaultSource(node.path(), text);
        } catch (IOException | RuntimeException e) {
            throw node.fail("not a fault document (docs/faults.md): " + e.getMessage());
        }
    }

    private static Setup.CassetteSetup cassette(Node node) {
        if (node.isText()) {
            return new Setup.CassetteSetup(existing(node, false).get(0), "strict");
        }
        node.allowOnly(Set.of("file", "mode"));
        if (!node.has("file")) {
            throw node.fail("a cassette needs \"file\"");
        }
        String mode = node.optional("mode").map(Node::text).orElse("strict");
        if (!mode.equals("strict") && !mode.equals("lenient")) {
            throw node.field("mode").fail("expected strict or lenient, got \"" + mode + "\"");
        }
        return new Setup.CassetteSetup(existing(node.field("file"), false).get(0), mode);
    }

    private static Setup.SwarmSetup swarm(Node node) {
        node.allowOnly(Set.of("managers", "workers"));
        int managers = node.optional("managers").map(Node::wholeNumber).orElse(1);
        int workers = node.optional("workers").map(Node::wholeNumber).orElse(0);
        if (managers < 1 || workers < 0) {
            throw node.fail("a swarm needs at least one manager and no negative number of workers");
        }
        return new Setup.SwarmSetup(managers, workers);
    }
}
