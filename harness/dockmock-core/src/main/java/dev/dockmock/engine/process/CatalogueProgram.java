package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Behaviours declared for images (in the catalogue or in fixtures): a spec applies to containers
 * of its image whose command line names its program.
 */
public final class CatalogueProgram implements Program {
    private final Function<String, List<BehaviourSpec>> specsForImage;

    /** @param specsForImage the specs declared for an image reference ({@code nginx:1.27}) */
    public CatalogueProgram(Function<String, List<BehaviourSpec>> specsForImage) {
        this.specsForImage = specsForImage;
    }

    /**
     * Specs keyed by repository ({@code nginx}) or by full reference. A digest in the reference
     * ({@code nginx:latest@sha256:...}, as swarm services pin their images) is ignored.
     */
    public static CatalogueProgram of(Map<String, List<BehaviourSpec>> byRepository) {
        return new CatalogueProgram(named -> {
            int at = named.indexOf('@');
            String image = at < 0 ? named : named.substring(0, at);
            List<BehaviourSpec> specs = new ArrayList<>(byRepository.getOrDefault(image, List.of()));
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                specs.addAll(byRepository.getOrDefault(image.substring(0, colon), List.of()));
            }
            return specs;
        });
    }

    @Override
    public Optional<Behaviour> resolve(String image, List<String> argv) {
        for (BehaviourSpec spec : specsForImage.apply(image)) {
            if (spec.matches(argv)) {
                return Optional.of(spec.behaviour());
            }
        }
        return Optional.empty();
    }

    /** Asks each program in turn. */
    public static Program chain(List<Program> programs) {
        return (image, argv) -> {
            for (Program program : programs) {
                Optional<Behaviour> behaviour = program.resolve(image, argv);
                if (behaviour.isPresent()) {
                    return behaviour;
                }
            }
            return Optional.empty();
        };
    }
}
