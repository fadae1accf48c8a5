package dev.dockmock.hardening;

import dev.dockmock.hardening.FuzzCase.Framing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates valid, malformed and mutated HTTP requests from a seeded random source, so a failing
 * case can be found again from its seed.
 */
final class FuzzRequests {
    private static final List<String> VALID_TARGETS = List.of("/_ping", "/v1.50/_ping", "/version", "/v1.44/info",
            "/v1.50/containers/json?all=1", "/v1.50/images/json", "/v1.50/containers/nope/json", "/no/such/route",
            "/v1.12/version", "/v9.99/version", "/v1.50/containers/json?filters=%7Bbroken");
    private static final String ATTACH = "/v1.50/containers/fuzz-target/attach?stream=1&stdin=1&stdout=1&stderr=1";

    private final Random random;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A request that must be answered with the connection kept open. */
    FuzzCase valid() {
        StringBuilder head = new StringBuilder();
        String body = "";
        switch (random.nextInt(5)) {
            case 0 -> head.append("HEAD /_ping HTTP/1.1\r\n");
            case 1 -> {
                body = pick(List.of("{", "[]", "{\"Image\": 5}", "{\"Image\":\"alpine:latest\",\"Memory\":-1}", "not json"));
                head.append("POST /v1.50/containers/create?name=fz").append(random.nextInt(1000)).append(" HTTP/1.1\r\n");
            }
            case 2 -> {
                body = "{\"Name\":\"\"}";
                head.append("POST /v1.50/volumes/create HTTP/1.1\r\nTransfer-Encoding: chunked\r\n");
            }
            default -> head.append("GET ").append(pick(VALID_TARGETS)).append(" HTTP/1.1\r\n");
        }
        head.append("Host: docker\r\nUser-Agent: fuzz/").append(random.nextInt(100)).append("\r\n");
        for (int i = random.nextInt(4); i > 0; i--) {
            head.append("X-").append(token(1 + random.nextInt(12))).append(": ").append(printable(random.nextInt(40))).append("\r\n");
        }
        if (head.indexOf("chunked") >= 0) {
            String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
            return new FuzzCase("valid", (head + "\r\n" + chunked).getBytes(StandardCharsets.ISO_8859_1), Framing.VALID);
        }
        if (!body.isEmpty()) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n");
        }
        return new FuzzCase("valid", (head + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1), Framing.VALID);
    }

    /** A request that is broken in one of the ways the issue lists, or a mutation of a valid one. */
    FuzzCase broken() {
        int family = random.nextInt(100);
        if (family < 30) {
            return mutated();
        }
        if (family < 42) {
            return text("request-line", pick(List.of("GET\r\n\r\n", "GET /_ping\r\n\r\n", "get /_ping HTTP/1.1\r\n\r\n",
                    "GET /_ping HTTP/2.0\r\n\r\n", "GET  /_ping HTTP/1.1\r\n\r\n", "G3T /_ping HTTP/1.1\r\n\r\n",
                    "GET _ping HTTP/1.1\r\n\r\n", "GET http://x/_ping HTTP/1.1\r\n\r\n", "GET /%zz HTTP/1.1\r\n\r\n",
                    "GET /_ping HTTP/1.1 extra\r\n\r\n", " /_ping HTTP/1.1\r\n\r\n", "GET /_ping HTTP/1.\r\n\r\n",
                    "\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n")));
        }
        if (family < 52) {
            return headerFlood();
        }
        if (family < 64) {
            String length = pick(List.of("-1", "-9223372036854775808", "99999999999999999999", "1e3", "0x10", " ", "12, 13",
                    "1099511627776", "268435457", "+5", "5 5"));
            return text("content-length", "POST /v1.50/containers/create HTTP/1.1\r\nHost: d\r\nContent-Length: " + length
                    + "\r\n\r\n{}");
        }
        if (family < 76) {
            String chunks = pick(List.of("zz\r\nabc\r\n0\r\n\r\n", "5\r\nabc\r\n0\r\n\r\n", "ffffffffffffffffff\r\n",
                    "-5\r\nabcde\r\n0\r\n\r\n", "3\r\nabcXY0\r\n\r\n", "3;ext=\"\r\nabc\r\n", "2\r\n{}", "",
                    "7fffffff\r\nab", "1\r\na\r\n" + "1\r\na\r\n".repeat(50), "0\r\n" + "T: x\r\n".repeat(10)));
            String coding = random.nextInt(5) == 0 ? "gzip, chunked" : "chunked";
            return text("chunked", "POST /v1.50/volumes/create HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: " + coding + "\r\n\r\n"
                    + chunks);
        }
        if (family < 88) {
            byte[] noise = new byte[1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 300)];
            random.nextBytes(noise);
            return new FuzzCase("binary-noise", noise, Framing.BROKEN);
        }
        String upgrade = "POST " + ATTACH + " HTTP/1.1\r\nHost: d\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        if (family < 97) {
            int cut = random.nextInt(upgrade.length() - 1);
            return text("hijack-truncated", upgrade.substring(0, cut));
        }
        return new FuzzCase("hijack-vanish", upgrade.getBytes(StandardCharsets.ISO_8859_1), Framing.HIJACK_VANISH);
    }

    private FuzzCase headerFlood() {
        StringBuilder head = new StringBuilder("GET /_ping HTTP/1.1\r\nHost: d\r\n");
        switch (random.nextInt(3)) {
            case 0 -> head.append("X-Many: y\r\n".repeat(201 + random.nextInt(300)));
            case 1 -> head.append("X-Long: ").append("v".repeat(64 * 1024 + random.nextInt(1000))).append("\r\n");
            default -> head.append(" folded: line\r\n").append("no colon here\r\n".repeat(1 + random.nextInt(3)));
        }
        return text("header-flood", head.append("\r\n").toString());
    }

    private FuzzCase mutated() {
        byte[] bytes = valid().bytes();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = splice(bytes, at, 1, new byte[0]);
                case 2 -> bytes = splice(bytes, at, 0, pick(List.of("\r\n", ":", " ", "\u0000", "\r\n\r\n", "%", "?"))
                        .getBytes(StandardCharsets.ISO_8859_1));
                default -> bytes = splice(bytes, at, bytes.length - at, new byte[0]);
            }
            if (bytes.length == 0) {
                bytes = new byte[] {'\n'};
            }
        }
        return new FuzzCase("mutated", bytes, Framing.MUTATED);
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    private FuzzCase text(String kind, String text) {
        return new FuzzCase(kind, text.getBytes(StandardCharsets.ISO_8859_1), Framing.BROKEN);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private String token(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private String printable(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
