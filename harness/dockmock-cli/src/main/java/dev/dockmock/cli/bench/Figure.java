package dev.dockmock.cli.bench;

/**
 * One measured figure outside the throughput table: start-up times, memory, replay, engine scale.
 *
 * @param section the part of the bench it belongs to, such as {@code startup}
 * @param name what was measured, such as {@code ready (first ping answered)}
 * @param target whose figure it is: {@code dockmock}, {@code wiremock}, {@code dockerd}
 * @param value the median and spread over repeats; null when it could not be measured
 * @param unit {@code ms}, {@code us}, {@code MB} or {@code req/s}
 * @param note what a reader should know, such as why it is missing
 */
record Figure(String section, String name, String target, Spread value, String unit, String note) {

    static Figure of(String section, String name, String target, String unit, double... values) {
        return new Figure(section, name, target, Spread.of(values), unit, "");
    }

    static Figure missing(String section, String name, String target, String unit, String why) {
        return new Figure(section, name, target, null, unit, why);
    }

    Figure withNote(String text) {
        return new Figure(section, name, target, value, unit, text);
    }

    /** The figures by section, sections in the order they first appear, figures in their own order. */
    static java.util.Map<String, java.util.List<Figure>> bySection(java.util.List<Figure> figures) {
        java.util.Map<String, java.util.List<Figure>> out = new java.util.LinkedHashMap<>();
        figures.forEach(f -> out.computeIfAbsent(f.section(), k -> new java.util.ArrayList<>()).add(f));
        return out;
    }

    double median() {
        return value == null ? Double.NaN : value.median();
    }
}
