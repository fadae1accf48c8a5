package dev.dockmock.engine.process;

/** Sizes as busybox's {@code ls -lh} shows them: {@code 13}, {@code 1.0K}, {@code 1024.0K}, {@code 20.0M}. */
final class HumanSize {
    private static final String UNITS = "KMGTPE";

    private HumanSize() {
    }

    /**
     * A size in bytes: as it is below 1024, else in the largest unit that leaves less than 1024
     * before rounding, with tenths rounded half up (so 1048575 bytes is {@code 1024.0K}).
     */
    static String bytes(long size) {
        if (size < 1024) {
            return Long.toString(size);
        }
        long value = size;
        int unit = -1;
        long tenths = 0;
        while (value >= 1024 && unit < UNITS.length() - 1) {
            tenths = ((value % 1024) * 10 + 512) / 1024;
            value /= 1024;
            unit++;
        }
        if (tenths >= 10) {
            value++;
            tenths = 0;
        }
        return value + "." + tenths + UNITS.charAt(unit);
    }

    /** A count of 1 KiB blocks, as the {@code total} line shows it: whole units, rounded. */
    static String blocks(long kibibytes) {
        if (kibibytes == 0) {
            return "0";
        }
        double value = kibibytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length() - 1) {
            value /= 1024;
            unit++;
        }
        return Math.round(value) + String.valueOf(UNITS.charAt(unit));
    }
}
