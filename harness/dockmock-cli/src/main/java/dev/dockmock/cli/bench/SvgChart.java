package dev.dockmock.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of requests per second, one panel per endpoint (each with its own
 * scale), one bar per row with a min-max whisker, a colour per server; below, the target verdicts
 * and the other figures as text. Plain SVG: any browser shows it.
 */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int LABEL = 200;
    private static final int BAR_MAX = 380;
    private static final int ROW = 30;
    private static final int BAR = 18;
    private static final Map<String, String> COLOURS = Map.of(Row.DOCKMOCK, "#3b6fb6", Row.MINIMAL, "#9a9a9a",
            Row.WIREMOCK, "#e07b24", Row.DOCKERD, "#4a9a5a");

    private SvgChart() {
    }

    static String render(BenchEnvironment environment, BenchOptions options, List<RowResult> results, List<Figure> figures,
            List<Verdict> verdicts) {
        Map<String, List<RowResult>> panels = new LinkedHashMap<>();
        results.forEach(r -> panels.computeIfAbsent(r.row().endpoint().label() + "  (answer body " + r.row().endpoint().bodySize() + ")",
                k -> new ArrayList<>()).add(r));
        int height = 90 + panels.values().stream().mapToInt(p -> 40 + p.size() * ROW).sum() + 40
                + 40 + verdicts.size() * 18 + 40 + figures.size() * 18 + 20 * (int) figures.stream().map(Figure::section).distinct().count();
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
        y += 40;
        text(svg, 20, y, "font-size=\"15\" font-weight=\"bold\"", "Targets (issue 9), from this run's medians");
        for (Verdict verdict : verdicts) {
            y += 18;
            String colour = verdict.meets() == null ? "#777777" : verdict.meets() ? "#2a7a2a" : "#b02020";
            text(svg, 20, y, "fill=\"" + colour + "\" font-weight=\"bold\"", verdict.word());
            text(svg, 120, y, "", verdict.goal() + ": " + verdict.measured());
        }
        y += 40;
        text(svg, 20, y, "font-size=\"15\" font-weight=\"bold\"", "Other figures (median, min-max)");
        for (var section : Figure.bySection(figures).entrySet()) {
            y += 20;
            text(svg, 20, y, "font-weight=\"bold\"", section.getKey());
            for (Figure figure : section.getValue()) {
                y += 18;
                String value = figure.value() == null ? "not measured: " + figure.note()
                        : ResultTable.number(figure.median()) + " " + figure.unit() + " (" + ResultTable.number(figure.value().min())
                                + "-" + ResultTable.number(figure.value().max()) + ")";
                text(svg, 40, y, "", figure.name());
                text(svg, 520, y, "fill=\"" + COLOURS.getOrDefault(figure.target(), "#222222") + "\"", figure.target());
                text(svg, 620, y, "", value);
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, RowResult result, double scale) {
        Row row = result.row();
        Spread rps = result.requestsPerSecond();
        String colour = COLOURS.getOrDefault(row.target(), "#222222");
        int x = LABEL + 20;
        double width = BAR_MAX * rps.median() / scale;
        text(svg, 20, y + BAR - 4, row.is(Row.DOCKMOCK) ? "font-weight=\"bold\"" : "", row.target() + " " + row.transport());
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                x, y, width, BAR, colour));
        double low = x + BAR_MAX * rps.min() / scale;
        double high = x + BAR_MAX * rps.max() / scale;
        int middle = y + BAR / 2;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222222\" "
                + "stroke-width=\"1.5\" fill=\"none\"/>%n", low, middle, high, low, middle - 5, middle + 5, high,
                middle - 5, middle + 5));
        String figure = ResultTable.count(rps.median()) + " req/s, p99 " + ResultTable.millis(result.p99Micros().median())
                + " ms" + (row.is(Row.DOCKMOCK) ? ", " + ResultTable.ratio(result.vsWireMock().median()) + " WireMock, "
                        + ResultTable.ratio(result.vsMinimal().median()) + " minimal" : "")
                + (result.errors() > 0 ? ", " + result.errors() + " errors" : "");
        text(svg, (int) Math.round(Math.max(x + width, high)) + 8, y + BAR - 4, "", figure);
    }

    private static void legend(StringBuilder svg, int y) {
        int x = 20;
        for (String target : List.of(Row.DOCKMOCK, Row.MINIMAL, Row.WIREMOCK, Row.DOCKERD)) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n", x, y - 12,
                    COLOURS.get(target)));
            text(svg, x + 20, y, "", target);
            x += 150;
        }
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
