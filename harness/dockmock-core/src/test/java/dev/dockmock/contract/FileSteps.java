package dev.dockmock.contract;

import static dev.dockmock.contract.ScenarioClient.q;

import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarWriter;
import java.time.Instant;
import java.util.List;

/** The contract scenario's steps for archives, export, changes, save/load, commit and build. */
final class FileSteps {
    private static final Instant TIME = Instant.parse("2025-01-01T00:00:00Z");

    private final ScenarioClient c;

    FileSteps(ScenarioClient client) {
        this.c = client;
    }

    void run() {
        c.json("POST", "/containers/create?name=contract-files", "{\"Image\":\"alpine:latest\",\"Cmd\":[\"sleep\",\"1000\"]}", 201);
        byte[] archive = TarWriter.archive(List.of(TarEntry.file("hello.txt", "hello\n", 0644, TIME)));
        c.bytes("PUT", "/containers/contract-files/archive?path=/tmp", archive, "application/x-tar", 200);
        c.bytes("PUT", "/containers/contract-files/archive?path=/no/such/dir", archive, "application/x-tar", 404);
        c.call("HEAD", "/containers/contract-files/archive?path=" + q("/tmp/hello.txt"), 200);
        c.call("GET", "/containers/contract-files/archive?path=" + q("/tmp/hello.txt"), 200);
        c.call("GET", "/containers/contract-files/archive?path=" + q("/no/such/file"), 404);
        c.call("GET", "/containers/contract-files/changes", 200);
        c.call("GET", "/containers/contract-files/export", 200);
        c.call("GET", "/containers/no-such-container/export", 404);
        c.call("POST", "/commit?container=contract-files&repo=contract-committed&tag=v1", 201);
        c.call("POST", "/commit?container=no-such-container&repo=x", 404);
        c.call("GET", "/images/contract-committed:v1/get", 200);
        byte[] saved = c.call("GET", "/images/get?names=alpine:latest", 200).body();
        c.bytes("POST", "/images/load?quiet=1", saved, "application/x-tar", 200);
        c.call("GET", "/images/no-such-image:1/get", 404);
        c.call("POST", "/images/contract-committed:v1/tag?repo=" + q("localhost:5000/contract") + "&tag=v1", 201);
        c.call("POST", "/images/" + q("localhost:5000/contract") + "/push?tag=v1", 200);
        c.call("POST", "/images/no-such-image/push?tag=1", 404);
        byte[] context = TarWriter.archive(List.of(TarEntry.file("Dockerfile",
                "FROM alpine:latest\nLABEL suite=contract\nRUN echo building\nCMD [\"echo\", \"hi\"]\n", 0644, TIME)));
        c.bytes("POST", "/build?t=contract-built:latest&rm=1", context, "application/x-tar", 200);
        c.call("POST", "/build/prune", 200);
        c.call("GET", "/containers/contract-files/attach/ws?stream=1&stdout=1", 400);
        c.call("DELETE", "/containers/contract-files?force=1", 204);
    }
}
