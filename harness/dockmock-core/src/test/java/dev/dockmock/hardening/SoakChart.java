package dev.dockmock.hardening;

import java.util.List;
import java.util.Locale;

/** An SVG line chart of soak samples: heap after GC and RSS (MiB, left), threads and fds (right), over time. */
final class SoakChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 60;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;

    private SoakChart() {
    }

    /** One sample: seconds since start and the resources measured then. */
    record Point(long seconds, ResourceProbe probe, long operations) {
    }

    static String svg(String title, List<Point> points) {
        long lastSecond = Math.max(1, points.get(points.size() - 1).seconds());
        double maxMib = points.stream().mapToDouble(p -> Math.max(p.probe().rssBytes(), p.probe().heapAfterGcBytes())).max()
                .orElse(1) / (1 << 20) * 1.1;
        double maxCount = points.stream().mapToDouble(p -> Math.max(p.probe().threads(), p.probe().fds())).max().orElse(1) * 1.2;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>%n", LEFT, title));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            int y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f MiB</text>%n", LEFT - 4, y + 4,
                    maxMib * tick / 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f</text>%n", WIDTH - RIGHT + 4, y + 4,
                    maxCount * tick / 4));
            int x = LEFT + plotWidth * tick / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n", x,
                    HEIGHT - BOTTOM + 16, lastSecond * tick / 4));
        }
        line(svg, points, "#1f77b4", p -> p.probe().heapAfterGcBytes() / (double) (1 << 20) / maxMib, lastSecond);
        line(svg, points, "#ff7f0e", p -> p.probe().rssBytes() / (double) (1 << 20) / maxMib, lastSecond);
        line(svg, points, "#2ca02c", p -> p.probe().threads() / maxCount, lastSecond);
        line(svg, points, "#d62728", p -> p.probe().fds() / maxCount, lastSecond);
        String[][] legend = {{"#1f77b4", "heap after GC (MiB)"}, {"#ff7f0e", "RSS (MiB)"}, {"#2ca02c", "threads"},
            {"#d62728", "open fds"}};
        for (int i = 0; i < legend.length; i++) {
            int x = LEFT + i * 150;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, HEIGHT - 12, legend[i][0], x + 16, HEIGHT - 8, legend[i][1]));
        }
        return svg.append("</svg>\n").toString();
    }

    private interface Fraction {
        double of(Point point);
    }

    private static void line(StringBuilder svg, List<Point> points, String colour, Fraction fraction, long lastSecond) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder path = new StringBuilder();
        for (Point point : points) {
            double x = LEFT + plotWidth * point.seconds() / (double) lastSecond;
            double y = TOP + plotHeight * (1 - Math.max(0, fraction.of(point)));
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n", path,
                colour));
    }
}
