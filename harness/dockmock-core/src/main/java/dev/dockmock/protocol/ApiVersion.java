package dev.dockmock.protocol;

/**
 * A Docker Engine API version such as {@code 1.44}: the {@code /v1.44} path prefix and the
 * {@code Api-Version} header carry it.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version parts must not be negative");
        }
    }

    /**
     * Parses {@code "1.44"}.
     *
     * @throws IllegalArgumentException when the text is not two dot-separated numbers
     */
    public static ApiVersion parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("invalid API version: \"" + text + "\"");
        }
        try {
            return new ApiVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid API version: \"" + text + "\"", e);
        }
    }

    public boolean isBefore(ApiVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isAtLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
