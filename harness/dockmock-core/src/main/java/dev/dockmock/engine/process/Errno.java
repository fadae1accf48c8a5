package dev.dockmock.engine.process;

/** The errors a change can meet, with the text {@code strerror} gives each. */
public enum Errno {
    NO_ENTRY("No such file or directory"),
    NOT_A_DIRECTORY("Not a directory"),
    IS_A_DIRECTORY("Is a directory"),
    EXISTS("File exists"),
    READ_ONLY("Read-only file system"),
    PERMISSION_DENIED("Permission denied"),
    NOT_PERMITTED("Operation not permitted"),
    IO_ERROR("I/O error");

    private final String message;

    Errno(String message) {
        this.message = message;
    }

    /** What {@code strerror} says. */
    public String message() {
        return message;
    }
}
