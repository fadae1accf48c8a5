package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * busybox {@code wget}: fetches http URLs from the ports the process can reach
 * ({@link ProcessNetwork}: its own container's, and those of the containers on its networks),
 * answered by the target container's behaviour; never the real network. Messages, exit codes and
 * the saved file ({@code index.html} by default, never overwritten without {@code -O}) as busybox
 * 1.35's. The first failing URL ends it with status 1.
 */
final class WgetApplet {
    private static final String USAGE = "wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n"
            + "\t[--post-data STR | --post-file FILE] [-Y on/off]\n"
            + "\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...";
    private static final Map<String, String> LONG = Map.ofEntries(Map.entry("spider", "spider"),
            Map.entry("quiet", "q"), Map.entry("output-document:", "O"), Map.entry("header:", "header"),
            Map.entry("timeout:", "T"), Map.entry("server-response", "S"), Map.entry("user-agent:", "U"),
            Map.entry("directory-prefix:", "P"), Map.entry("continue", "c"), Map.entry("output-file:", "o"),
            Map.entry("no-check-certificate", "no-check-certificate"), Map.entry("post-data:", "post-data"),
            Map.entry("post-file:", "post-file"), Map.entry("proxy:", "Y"), Map.entry("method:", "method"),
            Map.entry("no-verbose", "nv"));
    private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);
    private static final int REDIRECT_LIMIT = 20;

    private final ProcessIo io;
    private final AppletOptions options;
    private final boolean quiet;
    private boolean outputOpened;

    private WgetApplet(ProcessIo io, AppletOptions options) {
        this.io = io;
        this.options = options;
        this.quiet = options.has("q") || options.has("nv");
    }

    static int run(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "cqSO:o:P:U:T:Y:", LONG);
        if (parsed.isEmpty() || parsed.get().operands().isEmpty()) {
            return FileApplets.usage(io, USAGE);
        }
        String timeout = parsed.get().last("T", "900");
        if (!timeout.matches("\\d{1,9}")) {
            io.stderr("wget: invalid number '" + timeout + "'\n");
            return 1;
        }
        WgetApplet wget = new WgetApplet(io, parsed.get());
        for (String url : parsed.get().operands()) {
            if (!wget.fetch(url, Integer.parseInt(timeout))) {
                return 1;
            }
        }
        return 0;
    }

    private boolean fetch(String text, int timeoutSeconds) throws InterruptedException {
        try {
            WgetUrl url = WgetUrl.parse(text);
            String connected = null;
            for (int redirects = 0; ; redirects++) {
                if (redirects == REDIRECT_LIMIT) {
                    return fail("too many redirections");
                }
                ProcessNetwork.Reach reach = io.network().connect(url.host(), url.port());
                if (reach instanceof ProcessNetwork.Reach.Unresolved) {
                    return fail("bad address '" + url.host() + "'");
                }
                String address = reach instanceof ProcessNetwork.Reach.Answered answered ? answered.address()
                        : ((ProcessNetwork.Reach.Refused) reach).address();
                if (!quiet && !url.hostAndPort().equals(connected)) {
                    io.stderr("Connecting to " + url.hostAndPort() + " (" + address + ":" + url.port() + ")\n");
                }
                connected = url.hostAndPort();
                if (!(reach instanceof ProcessNetwork.Reach.Answered answered)) {
                    return fail("can't connect to remote host (" + address + "): Connection refused");
                }
                if (!url.scheme().equals("http")) {
                    return fail("error getting response: Connection reset by peer");
                }
                Optional<HttpReply> reply = answer(answered.answer(), timeoutSeconds);
                if (reply.isEmpty()) {
                    return fail("download timed out");
                }
                Optional<String> location = reply.get().header("location");
                if (!accepted(reply.get())) {
                    return false;
                }
                if (REDIRECTS.contains(reply.get().status()) && location.isPresent()) {
                    url = url.resolve(location.get());
                    continue;
                }
                return save(url, reply.get());
            }
        } catch (WgetUrl.Invalid invalid) {
            return fail(invalid.getMessage());
        }
    }

    /** What the port sends back to a request; empty when it never answers within the timeout. */
    private static Optional<HttpReply> answer(PortAnswer answer, int timeoutSeconds) throws InterruptedException {
        if (answer instanceof PortAnswer.Banner banner) {
            return Optional.of(HttpReply.parse(banner.bytes()));
        }
        if (answer instanceof PortAnswer.Ryuk) {
            // Ryuk acknowledges each line of the request and keeps the connection open
            return Optional.of(HttpReply.parse("ACK\nACK\nACK\nACK\nACK\n".getBytes(StandardCharsets.US_ASCII)));
        }
        Thread.sleep(timeoutSeconds * 1000L);
        return Optional.empty();
    }

    /** Prints the headers for {@code -S} and checks the status as busybox does; false after its complaint. */
    private boolean accepted(HttpReply reply) {
        int status = reply.status();
        boolean ok = status == 200 || status == 201 || status == 202 || status == 203 || status == 204
                || REDIRECTS.contains(status);
        if (options.has("S") && !reply.lines().isEmpty()) {
            io.stderr("  " + reply.statusLine() + "\n");
            if (ok) {
                reply.lines().stream().skip(1).forEach(line -> io.stderr("  " + line + "\n"));
                if (reply.headersEnded()) {
                    io.stderr("  \n");
                }
            }
        }
        if (status == 0 || (!reply.headersEnded() && ok)) {
            return fail("error getting response");
        }
        return ok || fail("server returned error: " + reply.statusLine());
    }

    private boolean save(WgetUrl url, HttpReply reply) {
        if (options.has("spider")) {
            if (!quiet) {
                io.stderr("remote file exists\n");
            }
            return true;
        }
        WgetOutput output = WgetOutput.choose(io, options, url, outputOpened);
        if (!quiet) {
            io.stderr(output.toStdout() ? "writing to stdout\n" : "saving to '" + output.shownName() + "'\n");
        }
        if (!output.write(reply.body())) {
            return false;
        }
        outputOpened = true;
        if (!reply.complete()) {
            return fail("connection closed prematurely");
        }
        if (!quiet) {
            if (reply.status() != 204) {
                io.stderr(output.progressLine(reply.body().length));
            }
            io.stderr(output.toStdout() ? "written to stdout\n" : "'" + output.shownName() + "' saved\n");
        }
        return true;
    }

    private boolean fail(String message) {
        io.stderr("wget: " + message + "\n");
        return false;
    }
}
