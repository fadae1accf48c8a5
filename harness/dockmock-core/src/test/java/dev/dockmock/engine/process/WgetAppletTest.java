package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code wget} against a fake network, with the messages busybox 1.35's wget printed for the same
 * answers from a real server (checked by hand against {@code /usr/bin/busybox wget}).
 */
class WgetAppletTest {
    private static final String PAGE = "<html><body><h1>Welcome!</h1></body></html>\n";
    private static final String OK = "HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Type: text/html\r\nContent-Length: 44\r\n"
            + "Connection: close\r\n\r\n" + PAGE;
    private static final String BAR = "|********************************|";

    /** localhost:80 serves {@link #OK}, :8080 a 404, :81 a short body, :82 holds connections open; {@code db} is another container. */
    private static final ProcessNetwork NETWORK = (host, port) -> {
        String address = host.equals("db") ? "172.18.0.3" : "127.0.0.1";
        if (!ProcessNetwork.LOOPBACK.contains(host) && !host.equals("db")) {
            return new ProcessNetwork.Reach.Unresolved();
        }
        String reply = switch (host.equals("db") ? port + 1000 : port) {
            case 80 -> OK;
            case 8080 -> "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno\n";
            case 81 -> "HTTP/1.1 200 OK\r\nContent-Length: 45\r\n\r\n" + PAGE;
            case 83 -> "HTTP/1.1 302 Found\r\nLocation: http://db/next\r\n\r\n";
            case 1080 -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n world\n\r\n0\r\n\r\n";
            case 6432 -> "SSH-2.0-OpenSSH\r\n";
            default -> null;
        };
        if (port == 82) {
            return new ProcessNetwork.Reach.Answered(address, new PortAnswer.Accept());
        }
        return reply == null ? new ProcessNetwork.Reach.Refused(address)
                : new ProcessNetwork.Reach.Answered(address, new PortAnswer.Banner(reply, true));
    };

    private final FileTree tree = FileTree.empty(Instant.parse("2026-01-01T00:00:00Z"));

    private Run sh(String script) {
        tree.ensureDirectory("/tmp", Instant.EPOCH);
        return Run.of(RecordingIo.of("sh", "-c", script).withFiles(ProcessFileView.of(tree, Run.CLOCK, false))
                .withNetwork(NETWORK));
    }

    @Test
    void savesIndexHtmlAndRefusesToOverwriteIt() {
        sh("cd /tmp && wget http://127.0.0.1/ && cat index.html").is(PAGE,
                "Connecting to 127.0.0.1 (127.0.0.1:80)\nsaving to 'index.html'\n"
                        + "index.html           100% " + BAR + "    44  0:00:00 ETA\n'index.html' saved\n", 0);
        sh("cd /tmp && wget -q http://localhost/").is("", "wget: can't open 'index.html': File exists\n", 1);
    }

    @Test
    void writesToStdoutOrANamedFile() {
        assertAll(
                () -> sh("wget -qO- http://localhost/").is(PAGE, "", 0),
                () -> sh("wget -O - localhost:80/x").is(PAGE, "Connecting to localhost:80 (127.0.0.1:80)\nwriting to stdout\n"
                        + "-                    100% " + BAR + "    44  0:00:00 ETA\nwritten to stdout\n", 0),
                () -> sh("wget -q -O /tmp/page http://localhost/a/b.txt; wget -q -P /tmp http://localhost/a/b.txt?x=1; cat /tmp/page;"
                        + " ls /tmp").is(PAGE + "b.txt?x=1\npage\n", "", 0),
                () -> sh("wget -q -O /nope/x http://localhost/").is("", "wget: can't open '/nope/x': No such file or directory\n", 1));
    }

    @Test
    void spiderChecksWithoutSaving() {
        assertAll(
                () -> sh("wget -q --spider http://localhost:80/ && echo up; ls /tmp").is("up\n", "", 0),
                () -> sh("wget --spider http://localhost/").is("", "Connecting to localhost (127.0.0.1:80)\nremote file exists\n", 0),
                () -> sh("wget -q --spider http://localhost:8080/health || exit 7").is("",
                        "wget: server returned error: HTTP/1.1 404 Not Found\n", 7),
                () -> sh("wget -S --spider http://localhost/").is("", "Connecting to localhost (127.0.0.1:80)\n  HTTP/1.1 200 OK\n"
                        + "  Server: nginx/1.27.3\n  Content-Type: text/html\n  Content-Length: 44\n  Connection: close\n  \n"
                        + "remote file exists\n", 0),
                () -> sh("wget -S -q --spider http://localhost:8080/").is("",
                        "  HTTP/1.1 404 Not Found\nwget: server returned error: HTTP/1.1 404 Not Found\n", 1));
    }

    @Test
    void failuresAsBusyboxReportsThem() {
        assertAll(
                () -> sh("wget -q http://localhost:9/").is("", "wget: can't connect to remote host (127.0.0.1): Connection refused\n", 1),
                () -> sh("wget http://127.0.0.1:9/").is("", "Connecting to 127.0.0.1:9 (127.0.0.1:9)\n"
                        + "wget: can't connect to remote host (127.0.0.1): Connection refused\n", 1),
                () -> sh("wget -q http://example.com/").is("", "wget: bad address 'example.com'\n", 1),
                () -> sh("wget -q http://localhost:99999/").is("", "wget: bad port '99999'\n", 1),
                () -> sh("wget -q foo://x/").is("", "wget: not an http or ftp url: foo://x/\n", 1),
                () -> sh("wget -qO- http://localhost:81/").is(PAGE, "wget: connection closed prematurely\n", 1),
                () -> sh("wget -qO- http://db:5432/").is("", "wget: error getting response\n", 1),
                () -> sh("wget -q -T 1 http://localhost:82/").is("", "wget: download timed out\n", 1));
    }

    @Test
    void followsRedirectsAndDecodesChunks() {
        sh("wget -O - http://localhost:83/").is("hello world\n", "Connecting to localhost:83 (127.0.0.1:83)\n"
                + "Connecting to db (172.18.0.3:80)\nwriting to stdout\n"
                + "-                    100% " + BAR + "    12  0:00:00 ETA\nwritten to stdout\n", 0);
    }

    @Test
    void outsideAContainerNothingAnswers() {
        Run run = Run.sh("wget -q http://localhost/ || echo failed $?");

        assertThat(run.out()).isEqualTo("failed 1\n");
        assertThat(run.err()).isEqualTo("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
    }

    @Test
    void badUsage() {
        assertAll(
                () -> assertThat(Run.sh("wget").err()).startsWith("Usage: wget [-cqS] [--spider] [-O FILE]"),
                () -> assertThat(Run.sh("wget -X http://localhost/").err()).startsWith("wget: invalid option -- 'X'\nUsage: wget"),
                () -> assertThat(Run.sh("busybox wget -q http://localhost/; echo $?").out()).isEqualTo("1\n"));
    }
}
