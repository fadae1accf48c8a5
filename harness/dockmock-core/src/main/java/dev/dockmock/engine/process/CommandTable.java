package dev.dockmock.engine.process;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs for the shell and for {@code env}/{@code busybox}: the engine's other programs
 * first (fixtures), then the applets. One table per resolved command line, for its image.
 */
final class CommandTable {
    private final String image;
    private final Program external;
    private final Clock clock;

    /**
     * @param external consulted first for programs the shell runs; may be {@code null}
     */
    CommandTable(String image, Program external, Clock clock) {
        this.image = image;
        this.external = external;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** A program for {@code argv}, as a {@code PATH} lookup would find it. */
    Optional<Behaviour> find(List<String> argv) {
        if (external != null) {
            Optional<Behaviour> found = external.resolve(image, List.copyOf(argv));
            if (found.isPresent()) {
                return found;
            }
        }
        return applet(argv.get(0));
    }

    /** The applet named {@code nameOrPath} ({@code echo}, {@code /bin/echo}). */
    Optional<Behaviour> applet(String nameOrPath) {
        return Applets.find(nameOrPath).map(applet -> io -> applet.run(io, this));
    }

    /** Where {@code command -v} says a program is. */
    Optional<String> pathOf(String name) {
        if (name.contains("/")) {
            return find(List.of(name)).map(found -> name);
        }
        Optional<String> applet = Applets.path(name);
        if (applet.isPresent()) {
            return applet;
        }
        // A fixture's program: its real location is unknown, so name the usual place.
        return find(List.of(name)).map(found -> "/usr/local/bin/" + name);
    }
}
