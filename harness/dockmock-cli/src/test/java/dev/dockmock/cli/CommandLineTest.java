package dev.dockmock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.replay.Pace;
import dev.dockmock.replay.ReplayMode;
import dev.dockmock.session.CassetteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines of record, replay and cassette: what they accept, refuse, and say. */
class CommandLineTest {
    private static final String HEADER = "{\"dockmock-cassette\":1,\"recorded\":\"2026-11-25T20:05:40.370Z\",\"source\":\"hand-written\"}";
    private static final String PING = "{\"id\":%d,\"at\":%d,\"request\":{\"method\":\"HEAD\",\"target\":\"/_ping\",\"path\":\"/_ping\","
            + "\"query\":{},\"headers\":{}},\"response\":{\"status\":200,\"headers\":{},\"latency\":1}}";

    @TempDir
    Path dir;

    @Test
    void helpListsTheNewCommands() {
        Capture.Result help = Capture.main("--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("record ", "replay ", "cassette ", "serve ");
        assertThat(Capture.main("record", "--help").out()).contains("Usage: dockmock record --upstream HOST --out FILE",
                "--upstream-certpath DIR", "--redact REGEX");
        assertThat(Capture.main("replay", "--help").out()).contains("Usage: dockmock replay FILE", "--fail-on-unused",
                "--pace PACE");
        assertThat(Capture.main("cassette", "--help").out()).contains("dockmock cassette show", "dockmock cassette check");
    }

    @Test
    void recordParsesUpstreamTlsAndDefaults() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "");

        RecordArgs plain = RecordArgs.parse(new String[] {"--upstream", "unix:///run/docker.sock", "--out", "s.jsonl"});
        RecordArgs tls = RecordArgs.parse(new String[] {"--upstream=tcp://10.0.0.1", "--upstream-certpath", certs.toString(),
                "-o", "s.jsonl", "-H", "tcp://127.0.0.1:0", "-H", "unix:///tmp/x.sock", "--redact", "AWS_.*"});

        assertThat(plain.upstream()).isEqualTo(DockerHost.parse("unix:///run/docker.sock"));
        assertThat(plain.tls()).isEmpty();
        assertThat(plain.hosts()).containsExactly(new DockerHost.Unix(RecordArgs.defaultSocket()));
        assertThat(tls.upstream()).isEqualTo(new DockerHost.Tcp("10.0.0.1", 2376));
        assertThat(tls.tls()).hasValueSatisfying(t -> {
            assertThat(t.ca()).contains(certs.resolve("ca.pem"));
            assertThat(t.verify()).isTrue();
        });
        assertThat(tls.hosts()).hasSize(2);
        assertThat(tls.redact()).extracting(p -> p.pattern()).containsExactly("AWS_.*");
    }

    @Test
    void recordRefusesWhatCannotWork() {
        assertUsage(Capture.main("record", "--out", "s.jsonl"), "--upstream is required");
        assertUsage(Capture.main("record", "--upstream", "unix:///run/docker.sock"), "--out is required");
        assertUsage(Capture.main("record", "--upstream", "unix:///d.sock", "--out", "s", "--upstream-tlscacert", "ca.pem"),
                "TLS applies to a tcp upstream");
        assertUsage(Capture.main("record", "--upstream", "tcp://h:1", "--out", "s", "--upstream-tlscert", "c.pem"),
                "--upstream-tlscert and --upstream-tlskey go together");
        assertUsage(Capture.main("record", "--upstream", "ssh://h", "--out", "s"), "unsupported protocol");
        assertUsage(Capture.main("record", "--upstream", "unix:///d.sock", "--out", "s", "--redact", "("), "not a regular expression");
        assertUsage(Capture.main("record", "--upstream", "unix:///d.sock", "--out", "s", "--bogus"), "unknown option \"--bogus\"");
    }

    @Test
    void recordThatCannotStartSaysWhyAndExits1() {
        Capture.Result result = Capture.main("record", "--upstream", "unix:///nowhere.sock", "--out",
                dir.resolve("no/such/dir/s.jsonl").toString(), "-H", "unix://" + dir.resolve("r.sock"));

        assertThat(result.code()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("dockmock record: ").contains("s.jsonl");
    }

    @Test
    void replayParsesModesAndPaces() {
        ReplayArgs defaults = ReplayArgs.parse(new String[] {"s.jsonl"});
        ReplayArgs strict = ReplayArgs.parse(new String[] {"--strict", "--pace", "0.5", "s.jsonl", "--fail-on-unused"});

        assertThat(defaults.file()).isEqualTo(Path.of("s.jsonl"));
        assertThat(defaults.mode()).isEqualTo(ReplayMode.LENIENT);
        assertThat(defaults.pace()).isEqualTo(Pace.instant());
        assertThat(defaults.hosts()).containsExactly(new DockerHost.Unix(ReplayArgs.defaultSocket()));
        assertThat(defaults.failOnUnused()).isFalse();
        assertThat(strict.mode()).isEqualTo(ReplayMode.STRICT);
        assertThat(strict.pace()).isEqualTo(Pace.scaled(0.5));
        assertThat(strict.failOnUnused()).isTrue();
        assertThat(ReplayArgs.parse(new String[] {"--pace=recorded", "s"}).pace()).isEqualTo(Pace.recorded());
    }

    @Test
    void replayRefusesWhatCannotWork() {
        assertUsage(Capture.main("replay"), "which cassette?");
        assertUsage(Capture.main("replay", "a.jsonl", "b.jsonl"), "one cassette FILE at a time");
        assertUsage(Capture.main("replay", "a.jsonl", "--strict", "--lenient"), "--strict and --lenient exclude each other");
        assertUsage(Capture.main("replay", "a.jsonl", "--pace", "fast"), "--pace takes instant, recorded or a factor");
        assertUsage(Capture.main("replay", "a.jsonl", "--pace", "-1"), "--pace takes instant, recorded or a factor");
        assertUsage(Capture.main("replay", "a.jsonl", "--strict=yes"), "takes no value");

        Capture.Result missing = Capture.main("replay", dir.resolve("none.jsonl").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("dockmock replay: ", "none.jsonl: no such file");
    }

    @Test
    void checkCountsAndWarnsAndShowPrintsATimeline() throws Exception {
        Path file = dir.resolve("torn.jsonl");
        // #2 never completed; the last line was cut off mid-write by a kill -9
        Files.writeString(file, HEADER + "\n" + PING.formatted(1, 0) + "\n" + PING.formatted(3, 1250) + "\n"
                + PING.formatted(4, 1300).substring(0, 40));

        Capture.Result check = Capture.main("cassette", "check", file.toString());
        Capture.Result show = Capture.main("cassette", "show", file.toString());

        assertThat(check.code()).as(check.toString()).isZero();
        assertThat(check.out()).contains(file + ": dockmock cassette version 1, recorded 2026-11-25T20:05:40.370Z from hand-written",
                "2 interactions: 2 plain, 0 streams (0 cut short), 0 hijacked", "2 warnings:", "ignoring a torn last line",
                "no interaction with id 2: requests whose answers had not completed");
        assertThat(show.code()).as(show.toString()).isZero();
        assertThat(show.out().lines().toList()).containsSequence(
                file + ": recorded 2026-11-25T20:05:40.370Z from hand-written, 2 interactions",
                "#1   +0.000s  HEAD /_ping -> 200 in 1ms",
                "#3   +1.250s  HEAD /_ping -> 200 in 1ms");
        assertThat(show.out()).contains("warning: ", "torn last line");
    }

    @Test
    void checkFailsWithTheLineThatDoesNotLoad() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, HEADER + "\n{\"id\":1,\"at\":0}\n" + PING.formatted(2, 3) + "\n");

        Capture.Result check = Capture.main("cassette", "check", file.toString());

        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).startsWith("dockmock cassette check: ").contains("broken.jsonl line 2");
        assertThat(Capture.main("cassette", "check", dir.resolve("none").toString()).code()).isEqualTo(1);
        assertUsage(Capture.main("cassette"), "show or check?");
        assertUsage(Capture.main("cassette", "play", "x"), "unknown sub-command \"play\"");
        assertUsage(Capture.main("cassette", "check"), "which cassette?");
        assertUsage(Capture.main("cassette", "check", "--no-trunc", "x"), "unknown option \"--no-trunc\"");
    }

    @Test
    void idGapsAreShownAsRanges() throws Exception {
        String text = HEADER + "\n" + PING.formatted(1, 0) + "\n" + PING.formatted(4, 1) + "\n" + PING.formatted(5, 2) + "\n"
                + PING.formatted(7, 3) + "\n";

        assertThat(CassetteCommand.missingIds(CassetteReader.parse(text, "gaps").interactions())).isEqualTo("2-3, 6");
        assertThat(CassetteCommand.missingIds(List.of())).isEmpty();
    }

    @Test
    void framedOutputIsSummedPerStream() {
        assertThat(Timeline.frames(new byte[] {1, 0, 0, 0, 0, 0, 0, 2, 'h', 'i', 2, 0, 0, 0, 0, 0, 0, 1, '!'}))
                .isEqualTo("stdout 2 B, stderr 1 B");
        assertThat(Timeline.frames("plain tty output".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }

    private static void assertUsage(Capture.Result result, String message) {
        assertThat(result.code()).as(result.toString()).isEqualTo(Main.USAGE);
        assertThat(result.err()).as(result.toString()).contains(message);
    }
}
