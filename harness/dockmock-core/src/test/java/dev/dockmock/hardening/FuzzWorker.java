package dev.dockmock.hardening;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fuzzing connection after another: a few valid requests on a kept-alive connection, then a
 * broken one, then reading whatever the server answers until it closes. Stops once the shared
 * counter reaches the target.
 */
final class FuzzWorker implements Runnable {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Opener opener;
    private final FuzzRequests requests;
    private final FuzzOutcomes outcomes;
    private final AtomicLong sent;
    private final long target;

    /** Opens one fuzzing connection: plain tcp or unix, or TLS with a handshake done. */
    @FunctionalInterface
    interface Opener {
        RawHttpClient open() throws IOException;
    }

    FuzzWorker(DockerHost host, FuzzRequests requests, FuzzOutcomes outcomes, AtomicLong sent, long target) {
        this(() -> RawHttpClient.connect(host, READ_TIMEOUT), requests, outcomes, sent, target);
    }

    FuzzWorker(Opener opener, FuzzRequests requests, FuzzOutcomes outcomes, AtomicLong sent, long target) {
        this.opener = opener;
        this.requests = requests;
        this.outcomes = outcomes;
        this.sent = sent;
        this.target = target;
    }

    @Override
    public void run() {
        while (sent.get() < target) {
            try (RawHttpClient client = opener.open()) {
                for (int valid = requests.nextInt(4); valid > 0; valid--) {
                    sent.incrementAndGet();
                    if (!validExchange(client, requests.valid())) {
                        break;
                    }
                }
                sent.incrementAndGet();
                FuzzCase broken = requests.broken();
                if (broken.framing() == FuzzCase.Framing.HIJACK_VANISH) {
                    vanishMidHijack(client, broken);
                } else {
                    brokenExchange(client, broken);
                }
            } catch (IOException e) {
                outcomes.wrong("connect", e.toString());
            }
        }
    }

    private boolean validExchange(RawHttpClient client, FuzzCase valid) {
        try {
            client.send(valid.bytes());
            RawResponse response = client.readResponse(startsWith(valid, "HEAD "));
            outcomes.record(valid.kind(), bucket(response.status()));
            if (response.status() >= 500) {
                outcomes.wrong(valid.kind(), response + " for " + text(valid));
            }
            return true;
        } catch (IOException e) {
            outcomes.record(valid.kind(), "error");
            outcomes.wrong(valid.kind(), e + " for " + text(valid));
            return false;
        }
    }

    private void brokenExchange(RawHttpClient client, FuzzCase broken) {
        try {
            client.send(broken.bytes());
            client.shutdownOutput();
        } catch (IOException e) {
            // The server may already have answered and closed (a flood it stopped reading); read what it said.
        }
        String outcome = "closed";
        try {
            for (int answers = 0; ; answers++) {
                RawResponse response;
                try {
                    response = client.readResponse(startsWith(broken, "HEAD ") && answers == 0);
                } catch (EOFException end) {
                    break;
                }
                if (answers == 0) {
                    outcome = bucket(response.status());
                }
                boolean protocolRefusal = response.status() == 501 || response.status() == 505;
                boolean allowed = response.status() >= 400 && response.status() < 500 || protocolRefusal
                        || broken.framing() == FuzzCase.Framing.MUTATED && response.status() < 500;
                if (!allowed) {
                    outcomes.wrong(broken.kind(), response + " for " + text(broken));
                }
            }
        } catch (SocketTimeoutException silence) {
            outcome = "silence";
            outcomes.wrong(broken.kind(), "no answer and no close within " + READ_TIMEOUT + " for " + text(broken));
        } catch (IOException e) {
            // A status line that is not HTTP, or a reset: the server must neither garble nor reset.
            outcome = "error";
            outcomes.wrong(broken.kind(), e + " for " + text(broken));
        }
        outcomes.record(broken.kind(), outcome);
    }

    private void vanishMidHijack(RawHttpClient client, FuzzCase upgrade) {
        try {
            client.send(upgrade.bytes());
            RawResponse head = client.readHead();
            outcomes.record(upgrade.kind(), bucket(head.status()));
            if (head.status() != 101) {
                outcomes.wrong(upgrade.kind(), head.toString());
            }
            byte[] noise = new byte[64];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(noise);
            client.send(noise);
        } catch (IOException e) {
            outcomes.record(upgrade.kind(), "error");
            outcomes.wrong(upgrade.kind(), e.toString());
        }
        // closing without a half-close is the point: the client vanishes
    }

    private static String bucket(int status) {
        return status == 101 ? "101" : status / 100 + "xx" + (status == 501 || status == 505 ? "(" + status + ")" : "");
    }

    /** Whether the request line starts with {@code prefix}, after the empty lines the server skips (RFC 9112 2.2). */
    private static boolean startsWith(FuzzCase fuzzCase, String prefix) {
        byte[] bytes = fuzzCase.bytes();
        int from = 0;
        while (from < bytes.length && (bytes[from] == '\r' || bytes[from] == '\n')) {
            from++;
        }
        return new String(bytes, from, Math.min(prefix.length(), bytes.length - from),
                StandardCharsets.ISO_8859_1).equals(prefix);
    }

    private static String text(FuzzCase fuzzCase) {
        String text = new String(fuzzCase.bytes(), StandardCharsets.ISO_8859_1);
        text = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return fuzzCase.kind() + " " + text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
