package dev.dockmock.scenario.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A private HOME and DOCKER_CONFIG per client label. Each config.json makes the docker CLI send
 * {@code X-Dockmock-Client: <label>} on every request, which is how the journal's requests are
 * attributed to clients. The user's own ~/.docker is never read.
 */
final class ClientHomes {
    /** The header every scenario client sends with its label. */
    static final String HEADER = "X-Dockmock-Client";

    private final Path root;
    private final TlsFiles tls;
    private final Map<String, Path> homes = new ConcurrentHashMap<>();

    ClientHomes(Path root, TlsFiles tls) {
        this.root = root;
        this.tls = tls;
    }

    /** The environment of a docker CLI run as {@code client} against {@code endpoint}. */
    Map<String, String> environment(String client, Instance.Endpoint endpoint) {
        Path home = homes.computeIfAbsent(client, this::create);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("DOCKER_CONFIG", home.resolve(".docker").toString());
        env.put("DOCKER_HOST", endpoint.dockerHost());
        env.put("DOCKER_CLI_HINTS", "false");
        if (endpoint.tls()) {
            env.put("DOCKER_TLS_VERIFY", "1");
            env.put("DOCKER_CERT_PATH", home.resolve(".docker").toString());
        }
        return env;
    }

    private Path create(String client) {
        try {
            String safe = client.replaceAll("[^A-Za-z0-9_.-]", "_");
            Path home = Files.createDirectories(root.resolve(safe.isEmpty() ? "client" : safe));
            Path config = Files.createDirectories(home.resolve(".docker"));
            ObjectNode doc = Json.mapper().createObjectNode();
            doc.putObject("HttpHeaders").put(HEADER, client);
            Files.write(config.resolve("config.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
            Files.copy(tls.ca(), config.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tls.clientCert(), config.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tls.clientKey(), config.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
