package dev.dockmock.protocol;

import dev.dockmock.protocol.DockerHost.DockerHostException;
import java.nio.file.Path;

/** The grammar of Docker host strings; see {@link DockerHost}. */
final class DockerHostParser {

    private DockerHostParser() {
    }

    static DockerHost parse(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            throw new DockerHostException("empty host string: expected " + DockerHost.ACCEPTED_FORMS);
        }
        String trimmed = text.trim();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            return parseTcp(trimmed, trimmed, defaultPort);
        }
        String scheme = trimmed.substring(0, schemeEnd);
        String rest = trimmed.substring(schemeEnd + 3);
        switch (scheme) {
            case "unix":
                return parseUnix(trimmed, rest);
            case "tcp":
                return parseTcp(trimmed, rest, defaultPort);
            default:
                throw new DockerHostException("unsupported protocol: \"" + scheme + "\" in \"" + trimmed
                        + "\": dockmock listens on " + DockerHost.ACCEPTED_FORMS);
        }
    }

    private static DockerHost parseUnix(String text, String path) {
        if (path.isEmpty()) {
            throw new DockerHostException("missing unix socket path in \"" + text + "\": expected unix:///absolute/path");
        }
        if (!path.startsWith("/")) {
            throw new DockerHostException("unix socket path must be absolute in \"" + text
                    + "\": write unix:///" + path + " (three slashes) for /" + path);
        }
        return new DockerHost.Unix(Path.of(path));
    }

    private static DockerHost parseTcp(String text, String address, int defaultPort) {
        int slash = address.indexOf('/');
        if (slash >= 0) {
            throw new DockerHostException("no path allowed in tcp host string \"" + text + "\"");
        }
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                throw new DockerHostException("unclosed '[' in IPv6 address of \"" + text + "\"");
            }
            host = address.substring(1, close);
            String after = address.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new DockerHostException("unexpected \"" + after + "\" after IPv6 address in \"" + text + "\"");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = address.lastIndexOf(':');
            if (colon >= 0 && address.indexOf(':') != colon) {
                throw new DockerHostException("IPv6 addresses need brackets, as in tcp://[::1]:2375, got \"" + text + "\"");
            }
            host = colon < 0 ? address : address.substring(0, colon);
            port = colon < 0 ? null : address.substring(colon + 1);
        }
        if (host.isEmpty()) {
            host = DockerHost.DEFAULT_TCP_HOST;
        }
        return new DockerHost.Tcp(host, port == null ? defaultPort : parsePort(text, port));
    }

    private static int parsePort(String text, String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DockerHostException("invalid port \"" + port + "\" in \"" + text + "\": must be a number from 0 to 65535");
        }
        int value = Integer.parseInt(port);
        if (value > 65535) {
            throw new DockerHostException("invalid port \"" + port + "\" in \"" + text + "\": must be a number from 0 to 65535");
        }
        return value;
    }
}
