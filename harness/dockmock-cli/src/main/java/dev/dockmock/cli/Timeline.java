package dev.dockmock.cli;

import dev.dockmock.session.Cassette;
import dev.dockmock.session.HijackEvent;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedResponse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cassette as a timeline, one line per interaction in arrival order:
 *
 * <pre>{@code
 *   #3   +0.103s  POST /containers/c37cc15ac1f5/attach?stream=1 -> 101 in 10ms; hijacked, upgraded: client sent 0 B
 *                 and closed stdin; server sent 11 B (stdout 3 B) and closed after 44ms
 * }</pre>
 * (one line in the output). Long container ids are cut to 12 characters, as docker shows them.
 */
final class Timeline {
    private static final Pattern LONG_ID = Pattern.compile("\\b([0-9a-f]{12})[0-9a-f]{52}\\b");
    private static final String[] STREAMS = {"stdin", "stdout", "stderr", "system"};

    private final boolean noTrunc;

    Timeline(boolean noTrunc) {
        this.noTrunc = noTrunc;
    }

    void print(Path file, Cassette cassette, PrintStream out) {
        List<Interaction> interactions = cassette.interactions();
        out.println(file + ": recorded " + cassette.header().recorded() + " from " + cassette.header().source() + ", "
                + interactions.size() + (interactions.size() == 1 ? " interaction" : " interactions"));
        int idWidth = String.valueOf(interactions.isEmpty() ? 1 : interactions.get(interactions.size() - 1).id()).length() + 1;
        for (Interaction interaction : interactions) {
            out.println(line(interaction, idWidth));
        }
        for (String warning : cassette.warnings()) {
            out.println("warning: " + warning);
        }
    }

    String line(Interaction interaction, int idWidth) {
        RecordedResponse response = interaction.response();
        String request = noTrunc ? interaction.request().describe() : LONG_ID.matcher(interaction.request().describe()).replaceAll("$1");
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%" + idWidth + "s  %8s  ", "#" + interaction.id(), seconds(interaction.at())));
        text.append(request).append(" -> ").append(response.status()).append(" in ").append(response.latency()).append("ms");
        String body = body(response);
        if (!body.isEmpty()) {
            text.append("; ").append(body);
        }
        return text.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "+%d.%03ds", millis / 1000, millis % 1000);
    }

    static String body(RecordedResponse response) {
        RecordedBody body = response.body();
        if (body instanceof RecordedBody.Full full) {
            String type = response.headers().first("Content-Type").orElse("no content type");
            return type + ", " + size(full.data().length);
        }
        if (body instanceof RecordedBody.Stream stream) {
            long bytes = stream.chunks().stream().mapToLong(c -> c.data().length).sum();
            int count = stream.chunks().size();
            StringBuilder text = new StringBuilder("stream of ").append(count).append(count == 1 ? " message" : " messages");
            text.append(" (").append(size(bytes)).append(')');
            if (count > 0) {
                text.append(", last after ").append(stream.chunks().get(count - 1).at()).append("ms");
            }
            text.append(stream.complete() ? ", complete" : ", cut short (the client left or recording stopped first)");
            return text.toString();
        }
        if (body instanceof RecordedBody.Conversation conversation) {
            return conversation(conversation);
        }
        return "";
    }

    private static String conversation(RecordedBody.Conversation conversation) {
        long in = 0;
        long out = 0;
        Long inEof = null;
        Long outEof = null;
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        for (HijackEvent event : conversation.events()) {
            switch (event.direction()) {
                case IN -> in += event.data().length;
                case OUT -> {
                    out += event.data().length;
                    output.writeBytes(event.data());
                }
                case IN_EOF -> inEof = event.at();
                case OUT_EOF -> outEof = event.at();
                default -> throw new IllegalStateException("unknown direction " + event.direction());
            }
        }
        StringBuilder text = new StringBuilder("hijacked, ").append(conversation.upgraded() ? "upgraded" : "plain 200").append(": ");
        text.append("client sent ").append(size(in));
        text.append(inEof != null ? " and closed stdin" : "");
        text.append("; server sent ").append(size(out));
        String frames = frames(output.toByteArray());
        if (!frames.isEmpty()) {
            text.append(" (").append(frames).append(')');
        }
        text.append(outEof != null ? " and closed after " + outEof + "ms" : "");
        return text.toString();
    }

    /** Bytes per stream when the output is exactly a run of multiplexed frames; empty otherwise. */
    static String frames(byte[] data) {
        long[] perStream = new long[STREAMS.length];
        int position = 0;
        while (position < data.length) {
            if (data.length - position < 8 || (data[position] & 0xff) >= STREAMS.length || data[position + 1] != 0
                    || data[position + 2] != 0 || data[position + 3] != 0) {
                return "";
            }
            long length = ((data[position + 4] & 0xffL) << 24) | ((data[position + 5] & 0xffL) << 16)
                    | ((data[position + 6] & 0xffL) << 8) | (data[position + 7] & 0xffL);
            if (length > data.length - position - 8) {
                return "";
            }
            perStream[data[position]] += length;
            position += 8 + (int) length;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < STREAMS.length; i++) {
            if (perStream[i] > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(STREAMS[i]).append(' ').append(size(perStream[i]));
            }
        }
        return text.toString();
    }

    static String size(long bytes) {
        if (bytes < 10 * 1024) {
            return bytes + " B";
        }
        if (bytes < 10L * 1024 * 1024) {
            return (bytes / 1024) + " kB";
        }
        return (bytes / (1024 * 1024)) + " MB";
    }
}
