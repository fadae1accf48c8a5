package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.ClientRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's requests as an SVG sequence diagram: one lifeline per client (in the order they
 * first spoke) and one for dockmock on the right; per request an arrow at its arrival labelled
 * {@code METHOD path → status}, and a bar on dockmock's lifeline for the time the answer took, with
 * that time written beside it. (Return arrows were tried: at their own time they ran through the
 * labels of the requests that arrived meanwhile.) Time runs down as
 * {@link TimelineLayout} compresses it. At most {@link #MAX_ARROWS} requests are drawn, with a note
 * saying how many were left out.
 */
final class SequenceDiagram {
    static final int MAX_ARROWS = 500;
    static final String DOCKMOCK = "dockmock";
    private static final int AXIS = 96;
    private static final int LANE = 270;
    private static final int HEAD_TOP = 12;
    private static final int HEAD_HEIGHT = 26;
    private static final double TOP = 76;
    private static final double CHAR_WIDTH = 6.2;

    private SequenceDiagram() {
    }

    /**
     * The diagram, or null when there is no request to draw.
     *
     * @param origin time zero of the axis (the scenario's start; the first request's time when null)
     */
    static String svg(List<ClientRequest> requests, Instant origin, String title) {
        List<ClientRequest> sorted = new ArrayList<>(requests.stream().filter(request -> request.time() != null).toList());
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(Comparator.comparing(ClientRequest::time).thenComparingLong(ClientRequest::seq));
        Instant zero = origin != null ? origin : sorted.get(0).time();
        List<ClientRequest> drawn = sorted.subList(0, Math.min(MAX_ARROWS, sorted.size()));
        Map<String, Integer> lanes = new LinkedHashMap<>();
        drawn.forEach(request -> lanes.putIfAbsent(client(request), lanes.size()));
        TimelineLayout layout = new TimelineLayout(zero, drawn.stream().map(ClientRequest::time).toList(), TOP);
        double lowest = layout.last() + TimelineLayout.MIN_GAP;
        for (ClientRequest request : drawn) {
            lowest = Math.max(lowest, end(layout, zero, request) + 12);
        }
        double bottom = lowest;
        int width = (int) Math.ceil(laneX(lanes.size()) + (LANE - 60) / 2.0 + 12);
        boolean capped = sorted.size() > drawn.size();
        int height = (int) Math.ceil(bottom + (capped ? 40 : 16));
        StringBuilder svg = new StringBuilder(256 * drawn.size() + 2048);
        svg.append(String.format(Locale.ROOT, "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\" "
                + "aria-label=\"%s\" data-requests=\"%d\" data-drawn=\"%d\">%n", width, height, width, height,
                ReportText.html(title), sorted.size(), drawn.size()));
        svg.append("<title>").append(ReportText.html(title)).append("</title>\n");
        for (TimelineLayout.Break pause : layout.breaks()) {
            svg.append(String.format(Locale.ROOT, "<g class=\"pause\"><line x1=\"4\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#b0b7c3\" stroke-dasharray=\"2 4\"/>", pause.y(), width - 4, pause.y()));
            text(svg, 8, pause.y() - 3, "fill=\"#69707d\" font-style=\"italic\"", "⋯ " + ReportText.human(pause.pause()) + " later");
            svg.append("</g>\n");
        }
        lanes.forEach((client, lane) -> lifeline(svg, client, laneX(lane), bottom, "#e8eef8"));
        double dockmockX = laneX(lanes.size());
        lifeline(svg, DOCKMOCK, dockmockX, bottom, "#fde9d2");
        double[] slotEnds = new double[4];
        for (int i = 0; i < drawn.size(); i++) {
            ClientRequest request = drawn.get(i);
            double y = layout.start(i);
            double yEnd = end(layout, zero, request);
            int slot = slot(slotEnds, y, yEnd);
            call(svg, request, laneX(lanes.get(client(request))), dockmockX + slot * 5, y, yEnd, layout.offset(i));
        }
        if (capped) {
            text(svg, 8, height - 14, "class=\"cap-note\" fill=\"#8a1c1c\" font-size=\"12\"", "Showing the first "
                    + drawn.size() + " of " + sorted.size() + " requests; results.json lists them all.");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void lifeline(StringBuilder svg, String name, double x, double bottom, String fill) {
        svg.append(String.format(Locale.ROOT, "<g class=\"lane\"><rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" "
                + "fill=\"%s\" stroke=\"#5b6778\"/>", x - (LANE - 60) / 2.0, HEAD_TOP, LANE - 60, HEAD_HEIGHT, fill));
        text(svg, x, HEAD_TOP + 17, "text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\"", ReportText.shorten(name, 36));
        svg.append(String.format(Locale.ROOT, "<line class=\"lifeline\" data-client=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
                + "y2=\"%.1f\" stroke=\"#8a94a6\" stroke-dasharray=\"5 4\"/></g>%n", ReportText.html(name), x,
                HEAD_TOP + HEAD_HEIGHT, x, bottom));
    }

    private static void call(StringBuilder svg, ClientRequest request, double from, double to, double y, double yEnd, long offset) {
        String colour = colour(request.status());
        String label = request.method() + " " + request.target() + " → " + request.status();
        svg.append("<g class=\"call\" data-seq=\"").append(request.seq()).append("\"><title>")
                .append(ReportText.html(label + "\n" + client(request) + ", request #" + request.seq() + " at "
                        + request.time() + ", answered in " + ReportText.human(request.duration())
                        + optional("\nUser-Agent: ", request.userAgent()) + optional("\nlistener: ", request.listener())))
                .append("</title>");
        text(svg, 8, y + 4, "fill=\"#69707d\" font-size=\"10\"", String.format(Locale.ROOT, "%+.3f s", offset / 1e9));
        double barBottom = Math.max(yEnd, y + 4);
        svg.append(String.format(Locale.ROOT, "<rect class=\"answer\" x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"%.1f\" "
                + "fill=\"%s\" fill-opacity=\"0.55\"/>", to - 3, y, barBottom - y, colour));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.4\"/>"
                + "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>", from, y, to - 4, y, colour,
                to - 4, y, to - 12, y - 4, to - 12, y + 4, colour));
        int room = (int) ((to - from - 20) / CHAR_WIDTH);
        text(svg, from + 8, y - 5, "fill=\"#1d2430\"", ReportText.shorten(label, Math.max(12, room)));
        text(svg, to + 10, y + 4, "fill=\"#69707d\" font-size=\"10\"",
                request.duration() == null ? "still open" : ReportText.human(request.duration()));
        svg.append("</g>\n");
    }

    private static double end(TimelineLayout layout, Instant origin, ClientRequest request) {
        if (request.duration() == null) {
            return layout.last() + TimelineLayout.MAX_GAP;
        }
        return layout.at(Duration.between(origin, request.time().plus(request.duration())).toNanos());
    }

    /** A bar slot free at {@code y} (bars of overlapping answers sit side by side), reused round-robin past four. */
    private static int slot(double[] slotEnds, double y, double yEnd) {
        int chosen = 0;
        for (int i = 0; i < slotEnds.length; i++) {
            if (slotEnds[i] <= y) {
                chosen = i;
                break;
            }
            if (slotEnds[i] < slotEnds[chosen]) {
                chosen = i;
            }
        }
        slotEnds[chosen] = Math.max(yEnd, y + 4);
        return chosen;
    }

    private static String optional(String prefix, String value) {
        return value == null || value.isEmpty() ? "" : prefix + value;
    }

    private static double laneX(int lane) {
        return AXIS + LANE / 2.0 + lane * LANE;
    }

    private static String client(ClientRequest request) {
        return request.client() == null || request.client().isBlank() ? "(unknown client)" : request.client();
    }

    static String colour(int status) {
        if (status >= 500) {
            return "#c62828";
        }
        if (status >= 400) {
            return "#d86a00";
        }
        if (status >= 300) {
            return "#1565c0";
        }
        if (status >= 200) {
            return "#2e7d32";
        }
        return "#6a1b9a";
    }

    private static void text(StringBuilder svg, double x, double y, String attributes, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"", x, y));
        if (!attributes.isEmpty()) {
            svg.append(' ').append(attributes);
        }
        svg.append('>').append(ReportText.html(content)).append("</text>");
    }
}
