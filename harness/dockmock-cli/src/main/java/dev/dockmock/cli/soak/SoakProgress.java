package dev.dockmock.cli.soak;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a soak: on a terminal one line redrawn at each sample, otherwise (or with
 * {@code --plain}) one plain line per sample, which logs and CI output keep readable.
 */
final class SoakProgress {
    private final PrintStream out;
    private final boolean live;
    private final long durationSeconds;
    private Sample previous;

    SoakProgress(PrintStream out, boolean live, long durationSeconds) {
        this.out = out;
        this.live = live;
        this.durationSeconds = durationSeconds;
    }

    void sampled(Sample sample, long wrongAnswers) {
        double rate = previous == null ? sample.requests() / Math.max(0.001, sample.seconds())
                : (sample.requests() - previous.requests()) / Math.max(0.001, sample.seconds() - previous.seconds());
        previous = sample;
        String text = String.format(Locale.ROOT, "soak %4.0f s / %d s  heap after GC %6.1f MiB  RSS %5.0f MiB  threads %4d  fds %4d  "
                + "requests %,d (%,.0f/s)  wrong answers %d", sample.seconds(), durationSeconds, sample.heapMiB(), sample.rssMiB(),
                sample.threads(), sample.fds(), sample.requests(), rate, wrongAnswers);
        if (live) {
            out.print("\r\033[2K" + text);
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Clears the live line before the report is printed. */
    void done() {
        if (live) {
            out.print("\r\033[2K");
            out.flush();
        }
    }
}
