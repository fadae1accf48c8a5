package dev.dockmock.engine.process;

/** awk's {@code getline}, {@code getline var}, {@code getline < file}, {@code getline var < file} and {@code "cmd" | getline [var]}. */
final class AwkGetline {

    private AwkGetline() {
    }

    /**
     * Reads the next record of the input (counting it in {@code NR}) or of the file into
     * {@code $0} (and the fields) or the variable.
     *
     * @return 1 with a record read, 0 at the end, -1 for a file that cannot be opened
     */
    static Object read(AwkNode.Getline getline, AwkInterpreter awk, AwkInput input) {
        String line;
        try {
            line = getline.command() != null ? input.pipes().next(AwkValues.text(awk.value(getline.command())))
                    : getline.file() == null ? input.next() : input.next(AwkValues.text(awk.value(getline.file())));
        } catch (java.io.FileNotFoundException e) {
            return -1.0;
        }
        if (line == null) {
            return 0.0;
        }
        // busybox counts the records of the main input only, not a command's lines
        if (getline.file() == null && getline.command() == null) {
            awk.countRecord();
        }
        if (getline.target() == null) {
            awk.setRecord(line);
        } else {
            awk.store(getline.target(), line);
        }
        return 1.0;
    }
}
