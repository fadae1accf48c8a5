package dev.dockmock.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of requests per second, one panel per endpoint (each with its own
 * scale, as a 15 kB answer is far slower than a ping), one bar per row with a min-max whisker,
 * the reference in its own colour. Plain SVG text: any browser shows it.
 */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int LABEL = 200;
    private static final int BAR_MAX = 380;
    private static final int ROW = 30;
    private static final int BAR = 18;
    private static final String DOCKMOCK = "#3b6fb6";
    private static final String REFERENCE = "#e07b24";

    private SvgChart() {
    }

    static String render(BenchEnvironment environment, BenchOptions options, List<RowResult> results) {
        Map<String, List<RowResult>> panels = new LinkedHashMap<>();
        results.forEach(r -> panels.computeIfAbsent(r.row().endpoint().label() + "  (answer body " + r.row().endpoint().bodySize() + ")",
                k -> new ArrayList<>()).add(r));
        int height = 90 + panels.values().stream().mapToInt(p -> 40 + p.size() * ROW).sum() + 40;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
        text(svg, 20, 30, "font-size=\"17\" font-weight=\"bold\"", "dockmock bench: requests per second (higher is better)");
        String runs = options.runs() == 1 ? "1 run" : "median of " + options.runs() + " runs, whiskers min-max";
        text(svg, 20, 52, "fill=\"#555555\"", options.connections() + " keep-alive connections, " + runs + "; Java "
                + environment.javaVersion() + ", " + environment.cpus() + " CPUs, " + environment.time());
        int y = 90;
        for (Map.Entry<String, List<RowResult>> panel : panels.entrySet()) {
            text(svg, 20, y, "font-weight=\"bold\"", panel.getKey());
            y += 14;
            double scale = panel.getValue().stream().mapToDouble(r -> r.requestsPerSecond().max()).max().orElse(1);
            for (RowResult result : panel.getValue()) {
                bar(svg, y, result, scale <= 0 ? 1 : scale);
                y += ROW;
            }
            y += 26;
        }
        legend(svg, y);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, RowResult result, double scale) {
        Row row = result.row();
        Spread rps = result.requestsPerSecond();
        String colour = row.reference() ? REFERENCE : DOCKMOCK;
        int x = LABEL + 20;
        double width = BAR_MAX * rps.median() / scale;
        text(svg, 20, y + BAR - 4, row.reference() ? "font-weight=\"bold\"" : "", row.target() + " " + row.transport());
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                x, y, width, BAR, colour));
        double low = x + BAR_MAX * rps.min() / scale;
        double high = x + BAR_MAX * rps.max() / scale;
        int middle = y + BAR / 2;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222222\" "
                + "stroke-width=\"1.5\" fill=\"none\"/>%n", low, middle, high, low, middle - 5, middle + 5, high,
                middle - 5, middle + 5));
        String figure = ResultTable.count(rps.median()) + " req/s, p99 " + ResultTable.millis(result.p99Micros().median())
                + " ms" + (row.reference() ? " (reference)" : ", " + ResultTable.ratio(result.ratio().median()) + " the reference")
                + (result.errors() > 0 ? ", " + result.errors() + " errors" : "");
        text(svg, (int) Math.round(Math.max(x + width, high)) + 8, y + BAR - 4, "", figure);
    }

    private static void legend(StringBuilder svg, int y) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"20\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", y - 12, DOCKMOCK));
        text(svg, 40, y, "", "dockmock");
        svg.append(String.format(Locale.ROOT, "<rect x=\"130\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", y - 12, REFERENCE));
        text(svg, 150, y, "", "reference: JDK com.sun.net.httpserver.HttpServer, tcp, same bytes");
    }

    private static void text(StringBuilder svg, int x, int y, String attributes, String content) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"');
        if (!attributes.isEmpty()) {
            svg.append(' ').append(attributes);
        }
        svg.append('>').append(escape(content)).append("</text>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
