package dev.dockmock.cli.bench;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.replay.ReplayDispatcher;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.replay.ReplayOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteHeader;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedRequest;
import dev.dockmock.session.RecordedResponse;
import dev.dockmock.session.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replay at scale: loading a cassette of {@code count} interactions, and answering every one of
 * its requests in recorded order (strict mode), against a cassette a tenth of the size, so a
 * matcher that slows down as the cassette grows shows as a per-request time that grows too.
 * The cassette mixes repeated identical requests ({@code ps -a}), creates with JSON bodies and
 * inspects of distinct containers.
 */
final class ReplayBench {
    static final String SECTION = "replay";

    private ReplayBench() {
    }

    static List<Figure> measure(int count, int repeats) throws IOException {
        // tmpfs where there is one: the writer forces every line to disk, which is set-up, not what is measured.
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(base, "dmbr");
        List<Figure> figures = new ArrayList<>();
        try {
            Path large = write(directory.resolve("large.jsonl"), count);
            Path small = write(directory.resolve("small.jsonl"), count / 10);
            double[] load = new double[repeats];
            Cassette cassette = null;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                cassette = Cassette.load(large);
                load[i] = (System.nanoTime() - start) / 1e6;
            }
            figures.add(Figure.of(SECTION, "load " + count + " interactions", "dockmock", "ms", load));
            Cassette smallCassette = Cassette.load(small);
            figures.add(Figure.of(SECTION, "match, per request, " + count / 10 + " interactions", "dockmock", "us",
                    matchMicros(smallCassette, repeats)));
            figures.add(Figure.of(SECTION, "match, per request, " + count + " interactions", "dockmock", "us",
                    matchMicros(cassette, repeats)));
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
        return figures;
    }

    private static double[] matchMicros(Cassette cassette, int repeats) {
        double[] out = new double[repeats];
        List<ApiRequest> requests = cassette.interactions().stream().map(ReplayBench::request).toList();
        for (int r = 0; r < repeats; r++) {
            ReplayDispatcher replay = new ReplayDispatcher(cassette, ReplayOptions.defaults().withMode(ReplayMode.STRICT));
            long start = System.nanoTime();
            for (ApiRequest request : requests) {
                ApiResponse answer = replay.dispatch(request);
                if (answer.status() / 100 != 2) {
                    throw new IllegalStateException("replay did not match " + request.method() + " " + request.target());
                }
            }
            out[r] = (System.nanoTime() - start) / 1e3 / requests.size();
        }
        return out;
    }

    private static ApiRequest request(Interaction interaction) {
        RecordedRequest recorded = interaction.request();
        return ApiRequest.of(recorded.method(), recorded.target(), recorded.headers(), recorded.body(), ClientInfo.inMemory());
    }

    private static Path write(Path file, int count) throws IOException {
        try (CassetteWriter writer = CassetteWriter.create(file, CassetteHeader.now("dockmock bench"), Redaction.none())) {
            for (int i = 0; i < count; i++) {
                writer.append(new Interaction(i + 1, i * 1_000L, recorded(i), new RecordedResponse(200,
                        Headers.of("Content-Type", "application/json"), 0,
                        new RecordedBody.Full(("{\"Id\":\"c" + i + "\",\"Warnings\":[]}").getBytes(StandardCharsets.UTF_8)))));
            }
        }
        return file;
    }

    private static RecordedRequest recorded(int i) {
        String api = BenchEngine.API;
        ApiRequest request = switch (i % 5) {
            case 0 -> ApiRequest.of("GET", api + "/containers/json?all=1");
            case 1 -> ApiRequest.of("POST", api + "/containers/create?name=c-" + i, Headers.of("Content-Type", "application/json"),
                    ("{\"Image\":\"alpine\",\"Cmd\":[\"echo\",\"" + i + "\"]}").getBytes(StandardCharsets.UTF_8), ClientInfo.inMemory());
            default -> ApiRequest.of("GET", api + "/containers/c-" + i + "/json");
        };
        return RecordedRequest.of(request);
    }
}
