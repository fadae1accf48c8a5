package dev.dockmock.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One target of issue 9 and whether this run met it.
 *
 * @param goal the target, in words
 * @param measured what this run measured, in words
 * @param meets whether it was met; null when it could not be measured
 */
record Verdict(String goal, String measured, Boolean meets) {

    String word() {
        return meets == null ? "not measured" : meets ? "meets" : "misses";
    }

    /** Every target, judged from the medians of this run. */
    static List<Verdict> judge(List<RowResult> rows, List<Figure> figures) {
        List<Verdict> out = new ArrayList<>();
        for (RowResult dockmock : rows) {
            if (!dockmock.row().is(Row.DOCKMOCK)) {
                continue;
            }
            String what = dockmock.row().endpoint().label() + " " + dockmock.row().transport();
            RowResult minimal = find(rows, Row.MINIMAL, dockmock.row().transport(), dockmock);
            if (dockmock.row().transport().equals("tcp")) {
                RowResult wiremock = find(rows, Row.WIREMOCK, "tcp", dockmock);
                if (wiremock != null) {
                    double rate = dockmock.vsWireMock().median();
                    out.add(new Verdict(what + ": req/s >= 3x WireMock", ratio(rate), rate >= 3));
                    double p99 = dockmock.p99Micros().median() / wiremock.p99Micros().median();
                    out.add(new Verdict(what + ": p99 <= 1/3 of WireMock's", ratio(p99), p99 <= 1 / 3.0));
                }
            }
            if (minimal != null) {
                double rate = dockmock.vsMinimal().median();
                out.add(new Verdict(what + ": req/s >= 0.5x minimal server", ratio(rate), rate >= 0.5));
                double p50 = dockmock.p50Micros().median() / Math.max(1, minimal.p50Micros().median());
                out.add(new Verdict(what + ": p50 <= 1.5x minimal server's", ratio(p50), p50 <= 1.5));
                double p99 = dockmock.p99Micros().median() / Math.max(1, minimal.p99Micros().median());
                out.add(new Verdict(what + ": p99 <= 1.5x minimal server's", ratio(p99), p99 <= 1.5));
            }
        }
        out.add(limit(figures, StartupBench.SECTION, "ready (created", "embedded dockmock ready in < 50 ms", 50));
        out.add(limit(figures, StartupBench.SECTION, "closed (close()", "embedded dockmock closed in < 50 ms", 50));
        out.add(limit(figures, MemoryBench.SECTION, "resident, idle", "dockmock serve idle resident < 80 MB", 80));
        Figure ours = figure(figures, DockerRunBench.SECTION, DockerRunBench.NAME, Row.DOCKMOCK);
        Figure theirs = figure(figures, DockerRunBench.SECTION, DockerRunBench.NAME, Row.DOCKERD);
        String goal = "docker run --rm alpine echo hi >= 5x faster than a real dockerd";
        if (ours == null || theirs == null || ours.value() == null || theirs.value() == null) {
            out.add(new Verdict(goal, "no real dockerd in this run", null));
        } else {
            double speedup = theirs.median() / ours.median();
            out.add(new Verdict(goal, ratio(speedup) + " (" + ms(ours.median()) + " vs " + ms(theirs.median()) + ")", speedup >= 5));
        }
        return out;
    }

    private static Verdict limit(List<Figure> figures, String section, String prefix, String goal, double max) {
        for (Figure f : figures) {
            if (f.section().equals(section) && f.name().startsWith(prefix) && f.target().equals(Row.DOCKMOCK)) {
                return f.value() == null ? new Verdict(goal, f.note(), null)
                        : new Verdict(goal, String.format(Locale.ROOT, "%.1f %s", f.median(), f.unit()), f.median() < max);
            }
        }
        return new Verdict(goal, "not measured", null);
    }

    private static Figure figure(List<Figure> figures, String section, String name, String target) {
        return figures.stream().filter(f -> f.section().equals(section) && f.name().equals(name) && f.target().equals(target))
                .findFirst().orElse(null);
    }

    private static RowResult find(List<RowResult> rows, String target, String transport, RowResult like) {
        return rows.stream().filter(r -> r.row().is(target) && r.row().transport().equals(transport)
                && r.row().endpoint().label().equals(like.row().endpoint().label())).findFirst().orElse(null);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f ms", value);
    }
}
