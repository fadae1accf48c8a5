package dev.dockmock.engine.process;

/**
 * A URL as busybox {@code wget} splits it.
 *
 * @param scheme {@code http}, {@code https} or {@code ftp} ({@code http} when none is written)
 * @param hostAndPort the host as written, with its port when one was written (for {@code Connecting to})
 * @param host the host name or address
 * @param port the port, the scheme's default when none was written
 * @param path the path and query after the host, without its leading {@code /}
 */
record WgetUrl(String scheme, String hostAndPort, String host, int port, String path) {

    /** Thrown with busybox's message (without the {@code wget: } prefix). */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static WgetUrl parse(String url) throws Invalid {
        String scheme = "http";
        String rest = url;
        int marker = url.indexOf("://");
        if (marker >= 0) {
            scheme = url.substring(0, marker).toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
                throw new Invalid("not an http or ftp url: " + url);
            }
            rest = url.substring(marker + 3);
        }
        int slash = firstOf(rest, "/?#");
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.charAt(slash) == '/' ? rest.substring(slash + 1) : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        String hostAndPort = at < 0 ? authority : authority.substring(at + 1);
        int colon = hostAndPort.lastIndexOf(':');
        boolean bracketed = hostAndPort.startsWith("[");
        if (bracketed && hostAndPort.lastIndexOf(']') > colon) {
            colon = -1;
        }
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        int port = switch (scheme) {
            case "https" -> 443;
            case "ftp" -> 21;
            default -> 80;
        };
        if (colon >= 0) {
            String number = hostAndPort.substring(colon + 1);
            if (!number.matches("\\d{1,5}") || Integer.parseInt(number) > 65535) {
                throw new Invalid("bad port '" + number + "'");
            }
            port = Integer.parseInt(number);
        }
        if (bracketed) {
            host = host.substring(1, host.endsWith("]") ? host.length() - 1 : host.length());
        }
        return new WgetUrl(scheme, hostAndPort, host, port, path);
    }

    /** The file a download is saved to without {@code -O}: the path's last part, {@code index.html} when it has none. */
    String fileName() {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "index.html" : last;
    }

    /**
     * Where a redirect's {@code Location} leads: an absolute URL, or a path on the same host
     * and port.
     */
    WgetUrl resolve(String location) throws Invalid {
        if (location.contains("://")) {
            return parse(location);
        }
        String newPath = location.startsWith("/") ? location.substring(1)
                : path.substring(0, path.lastIndexOf('/') + 1) + location;
        return new WgetUrl(scheme, hostAndPort, host, port, newPath);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
