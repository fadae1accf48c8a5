package dev.dockmock.engine;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.ContainerStatus;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.images.ImageUsers;
import java.util.Optional;

/**
 * What other parts of the engine ask of the containers as a whole: the counts {@code /info}
 * shows, and which container uses an image (an image in use cannot be removed).
 */
final class ContainerTally {
    private final EngineContext context;
    private final Containers containers;

    ContainerTally(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    /** Containers by state, and images, for {@code /info}; takes the engine's lock. */
    SystemInfo.Counts counts() {
        synchronized (context.lock()) {
            int running = 0;
            int paused = 0;
            int stopped = 0;
            for (Container c : containers.all()) {
                if (c.status() == ContainerStatus.PAUSED) {
                    paused++;
                } else if (c.status().isUp()) {
                    running++;
                } else {
                    stopped++;
                }
            }
            return new SystemInfo.Counts(running + paused + stopped, running, paused, stopped, context.images().all().size());
        }
    }

    /** The containers' use of images, as the image routes ask for it (with the engine's lock held). */
    ImageUsers users() {
        return new ImageUsers() {
            @Override
            public Optional<String> anyUser(String imageId) {
                return containers.all().stream().filter(c -> c.imageId().equals(imageId)).map(Container::shortId).findFirst();
            }

            @Override
            public Optional<String> runningUser(String imageId) {
                return containers.all().stream().filter(c -> c.imageId().equals(imageId) && c.status().isUp())
                        .map(Container::shortId).findFirst();
            }
        };
    }
}
