package dev.dockmock.engine.process;

import dev.dockmock.engine.images.ImageCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The default way commands are simulated: image behaviours first, then busybox-like commands. */
public final class Programs {

    private Programs() {
    }

    public static Program defaults(ImageCatalogue catalogue) {
        Map<String, List<BehaviourSpec>> specs = new HashMap<>();
        for (ImageCatalogue.Entry entry : catalogue.entries()) {
            entry.behaviour().ifPresent(spec -> specs.computeIfAbsent(entry.repository(), k -> new ArrayList<>()).add(spec));
        }
        return CatalogueProgram.chain(List.of(CatalogueProgram.of(specs), Interim.ECHO));
    }

    /** Stand-in until the busybox commands land: echo, true, false. */
    private static final class Interim {
        static final Program ECHO = (image, argv) -> switch (argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1)) {
            case "echo" -> java.util.Optional.of(io -> {
                io.stdout(String.join(" ", argv.subList(1, argv.size())) + "\n");
                return 0;
            });
            case "true" -> java.util.Optional.of(io -> 0);
            case "false" -> java.util.Optional.of(io -> 1);
            case "sleep", "sh", "/bin/sh" -> java.util.Optional.of(io -> {
                Thread.sleep(Long.MAX_VALUE);
                return 0;
            });
            default -> java.util.Optional.empty();
        };
    }
}
