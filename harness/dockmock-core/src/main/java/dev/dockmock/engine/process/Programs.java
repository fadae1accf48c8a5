package dev.dockmock.engine.process;

import dev.dockmock.engine.images.ImageCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default way commands are simulated: declared behaviours first (fixtures, then the image
 * catalogue), then the busybox-like commands, whose shell also finds the declared behaviours
 * (so {@code sh -c 'exec nginx -g ...'} runs nginx's behaviour).
 */
public final class Programs {

    private Programs() {
    }

    /** The catalogue's behaviours and the built-in commands. */
    public static Program defaults(ImageCatalogue catalogue) {
        return defaults(catalogue, Map.of());
    }

    /**
     * @param extra behaviours from fixtures, by image (repository or repository:tag), tried first
     */
    public static Program defaults(ImageCatalogue catalogue, Map<String, List<BehaviourSpec>> extra) {
        Map<String, List<BehaviourSpec>> specs = new HashMap<>();
        extra.forEach((image, list) -> specs.computeIfAbsent(image, k -> new ArrayList<>()).addAll(list));
        for (ImageCatalogue.Entry entry : catalogue.entries()) {
            entry.behaviour().ifPresent(spec -> specs.computeIfAbsent(entry.repository(), k -> new ArrayList<>()).add(spec));
        }
        Program declared = CatalogueProgram.of(specs);
        return CatalogueProgram.chain(List.of(declared, new BusyboxProgram(declared)));
    }
}
