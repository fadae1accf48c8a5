package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * Finds what a command line does. The engine asks its programs in order: fixtures first, then the
 * image catalogue's behaviours, then the busybox-like built-in commands.
 */
@FunctionalInterface
public interface Program {

    /**
     * The behaviour of {@code argv} in an image, or empty when this source does not know it.
     *
     * @param image the image reference the container was created from ({@code alpine:3.20})
     * @param argv the full command line (entrypoint followed by cmd)
     */
    Optional<Behaviour> resolve(String image, List<String> argv);
}
