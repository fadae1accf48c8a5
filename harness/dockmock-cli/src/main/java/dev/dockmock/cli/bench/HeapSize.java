package dev.dockmock.cli.bench;

import dev.dockmock.cli.UsageException;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The {@code --heap} option of {@code dockmock bench}: the fixed heap of the JVM that measures. */
final class HeapSize {
    /** The default heap: enough that no row collects more than once or twice. */
    private static final long DEFAULT_MB = 4096;
    private static final long MIN_MB = 128;

    private HeapSize() {
    }

    /**
     * {@code 4g}, {@code 512m} and such as the JVM spells them; {@code 0} for no child JVM.
     *
     * @return the size in the JVM's spelling, or null for {@code 0}
     */
    static String parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,6}[mg]")) {
            throw new UsageException("flag --heap needs a size such as 4g or 512m, or 0, not \"" + text + "\"");
        }
        long mb = Long.parseLong(value.substring(0, value.length() - 1)) * (value.endsWith("g") ? 1024 : 1);
        if (mb < MIN_MB) {
            throw new UsageException("flag --heap must be at least " + MIN_MB + "m, not " + text);
        }
        return value;
    }

    /** 4 GB, or a quarter of the machine's memory where that is less. */
    static String byDefault() {
        long mb = DEFAULT_MB;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long quarter = os.getTotalMemorySize() / 4 / (1024 * 1024);
            if (quarter > 0) {
                mb = Math.max(MIN_MB, Math.min(mb, quarter));
            }
        }
        return mb % 1024 == 0 ? mb / 1024 + "g" : mb + "m";
    }
}
