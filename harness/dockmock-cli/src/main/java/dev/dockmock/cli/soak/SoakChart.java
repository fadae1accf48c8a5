package dev.dockmock.cli.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * An SVG line chart of the soak's samples over time: heap after GC and RSS in MiB on the left
 * axis, live threads and open fds on the right one. Self-contained, no script, no fonts to load.
 */
final class SoakChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 64;
    private static final int RIGHT = 56;
    private static final int TOP = 32;
    private static final int BOTTOM = 48;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private SoakChart() {
    }

    /**
     * The chart.
     *
     * @param warmUpSamples how many of the first samples are warm-up, shaded and left out of the verdict
     */
    static String svg(String title, List<Sample> samples, int warmUpSamples) {
        double lastSecond = Math.max(1, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).seconds());
        double maxMib = Math.max(1, samples.stream().mapToDouble(s -> Math.max(s.heapMiB(), s.rssMiB())).max().orElse(1)) * 1.1;
        double maxCount = Math.max(1, samples.stream().mapToDouble(s -> Math.max(s.threads(), s.fds())).max().orElse(1)) * 1.2;
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(format("<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", LEFT, escape(title)));
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", LEFT, TOP,
                PLOT_WIDTH, PLOT_HEIGHT));
        if (warmUpSamples > 0 && samples.size() > warmUpSamples) {
            // The band ends halfway to the first judged sample.
            double end = (samples.get(warmUpSamples - 1).seconds() + samples.get(warmUpSamples).seconds()) / 2;
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f2f2f2\"/>"
                    + "<text x=\"%d\" y=\"%d\" fill=\"#888\">warm-up</text>%n", LEFT, TOP, PLOT_WIDTH * end / lastSecond,
                    PLOT_HEIGHT, LEFT + 4, TOP + 12));
        }
        for (int tick = 0; tick <= 4; tick++) {
            int y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * tick / 4;
            svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", LEFT, y, LEFT + PLOT_WIDTH, y));
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f MiB</text>%n", LEFT - 4, y + 4, maxMib * tick / 4));
            svg.append(format("<text x=\"%d\" y=\"%d\">%.0f</text>%n", LEFT + PLOT_WIDTH + 4, y + 4, maxCount * tick / 4));
            int x = LEFT + PLOT_WIDTH * tick / 4;
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n", x, TOP + PLOT_HEIGHT + 14,
                    lastSecond * tick / 4));
        }
        line(svg, samples, "#1f77b4", s -> s.heapMiB() / maxMib, lastSecond);
        line(svg, samples, "#ff7f0e", s -> s.rssMiB() / maxMib, lastSecond);
        line(svg, samples, "#2ca02c", s -> s.threads() / maxCount, lastSecond);
        line(svg, samples, "#d62728", s -> s.fds() / maxCount, lastSecond);
        String[][] legend = {{"#1f77b4", "heap after GC (MiB, left)"}, {"#ff7f0e", "RSS (MiB, left)"},
            {"#2ca02c", "threads (right)"}, {"#d62728", "open fds (right)"}};
        for (int i = 0; i < legend.length; i++) {
            int x = LEFT + i * 165;
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    x, HEIGHT - 14, legend[i][0], x + 16, HEIGHT - 10, legend[i][1]));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void line(StringBuilder svg, List<Sample> samples, String colour, ToDoubleFunction<Sample> fraction,
            double lastSecond) {
        StringBuilder path = new StringBuilder();
        for (Sample sample : samples) {
            double x = LEFT + PLOT_WIDTH * sample.seconds() / lastSecond;
            double y = TOP + PLOT_HEIGHT * (1 - Math.max(0, Math.min(1, fraction.applyAsDouble(sample))));
            path.append(path.length() == 0 ? "M" : " L").append(format("%.1f %.1f", x, y));
        }
        if (path.length() > 0) {
            svg.append(format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n", path, colour));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
