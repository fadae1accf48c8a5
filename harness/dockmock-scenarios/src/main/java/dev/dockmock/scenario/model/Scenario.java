package dev.dockmock.scenario.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One scenario file, parsed: what to set up, the steps that drive clients, and what to expect.
 *
 * @param name the scenario's name (the file's base name unless given)
 * @param description what it shows, empty when none
 * @param tags tags for {@code dockmock run --tag}
 * @param file the file it came from
 * @param setup the dockmock instance it runs against
 * @param steps the steps, run in order
 * @param stepTimeout the time-out of a step that names none
 * @param timeout the whole scenario's time-out: steps not begun by then are not run
 */
public record Scenario(String name, String description, List<String> tags, Path file, Setup setup, List<Step> steps,
        Duration stepTimeout, Duration timeout) {

    public Scenario {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
    }
}
