package dev.dockmock.engine.process;

/**
 * Where {@code wget} puts a body: stdout ({@code -O -}), the {@code -O} file (truncated when
 * first opened, then added to), or a new file named after the URL in {@code -P DIR}, which
 * busybox refuses to overwrite.
 *
 * @param shownName the name in {@code saving to '...'}, {@code -} for stdout
 * @param exclusive whether an existing file is an error ({@code File exists})
 * @param append whether an earlier URL already wrote to this {@code -O} file
 */
record WgetOutput(ProcessIo io, String shownName, boolean exclusive, boolean append) {
    private static final String BAR = "*".repeat(32);

    static WgetOutput choose(ProcessIo io, AppletOptions options, WgetUrl url, boolean opened) {
        if (options.has("O")) {
            return new WgetOutput(io, options.last("O", "-"), false, opened);
        }
        String prefix = options.last("P", "");
        String name = prefix.isEmpty() ? url.fileName() : prefix + (prefix.endsWith("/") ? "" : "/") + url.fileName();
        return new WgetOutput(io, name, true, false);
    }

    boolean toStdout() {
        return shownName.equals("-");
    }

    /** Writes the body; false after busybox's {@code can't open} complaint. */
    boolean write(byte[] body) {
        if (toStdout()) {
            io.stdout(body);
            return true;
        }
        String path = KnownPaths.absolute(shownName, io.workingDir());
        if (path.equals("/dev/stdout")) {
            io.stdout(body);
            return true;
        }
        if (KnownPaths.isDevice(path)) {
            return true;
        }
        if (exclusive && io.files().lookup(path).isPresent()) {
            return cannotOpen(Errno.EXISTS.message());
        }
        if (io.files().lookup(path).orElse(null) instanceof ProcessFiles.Entry.Directory) {
            return cannotOpen(Errno.IS_A_DIRECTORY.message());
        }
        try {
            io.files().write(path, body, append);
            return true;
        } catch (ProcessFiles.Failure failure) {
            return cannotOpen(failure.getMessage());
        }
    }

    /**
     * The progress bar busybox prints once at the end when stderr is no terminal: the file's last
     * name part in 20 columns, the bar, the size in 5 columns (in k above 99999 bytes) and the time.
     */
    String progressLine(long size) {
        String name = toStdout() ? "-" : shownName.substring(shownName.lastIndexOf('/') + 1);
        String padded = String.format("%-20.20s", name);
        char[] units = {' ', 'k', 'M', 'G', 'T'};
        int unit = 0;
        long shown = size;
        while (shown >= 100_000 && unit < units.length - 1) {
            shown >>= 10;
            unit++;
        }
        String amount = unit == 0 ? String.format("%5d", shown) : String.format("%4d%c", shown, units[unit]);
        return padded + " 100% |" + BAR + "| " + amount + "  0:00:00 ETA\n";
    }

    private boolean cannotOpen(String reason) {
        io.stderr("wget: can't open '" + shownName + "': " + reason + "\n");
        return false;
    }
}
