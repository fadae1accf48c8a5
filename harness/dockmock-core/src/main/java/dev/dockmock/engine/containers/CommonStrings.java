package dev.dockmock.engine.containers;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the strings many containers repeat (image names, network modes), so that a
 * hundred thousand containers of {@code alpine} keep one {@code "alpine"} between them. Bounded:
 * past its size, strings are kept as they come.
 */
final class CommonStrings {
    private static final int LIMIT = 4096;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private CommonStrings() {
    }

    static String canonical(String value) {
        String shared = SHARED.get(value);
        if (shared != null) {
            return shared;
        }
        if (SHARED.size() >= LIMIT) {
            return value;
        }
        shared = SHARED.putIfAbsent(value, value);
        return shared != null ? shared : value;
    }
}
