package dev.dockmock.engine.images;

import java.util.Optional;

/** Which containers use an image, for the rules on removing it. Called with the engine's lock held. */
public interface ImageUsers {

    /** The short id of a container (in any state) made from the image, if any. */
    Optional<String> anyUser(String imageId);

    /** The short id of a running container made from the image, if any. */
    Optional<String> runningUser(String imageId);
}
