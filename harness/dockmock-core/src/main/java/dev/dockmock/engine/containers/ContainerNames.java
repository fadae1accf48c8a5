package dev.dockmock.engine.containers;

import dev.dockmock.protocol.DockerException;
import java.util.regex.Pattern;

/** What a container name may be, and dockerd's answers when one is invalid or taken. Needs no lock. */
final class ContainerNames {
    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private ContainerNames() {
    }

    /**
     * The name a create asks for without its leading slash, or null when it asks for none.
     *
     * @throws DockerException 400 for an invalid name
     */
    static String checkName(String requestedName) {
        String name = requestedName == null || requestedName.isEmpty() ? null
                : requestedName.startsWith("/") ? requestedName.substring(1) : requestedName;
        if (name != null && !NAME.matcher(requestedName).matches()) {
            throw new DockerException(400, "Invalid container name (" + requestedName
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name;
    }

    /**
     * The name a rename asks for without its leading slash.
     *
     * @throws DockerException 400 for an invalid name
     */
    static String checkNewName(String newName) {
        String name = newName.startsWith("/") ? newName.substring(1) : newName;
        if (!NAME.matcher(newName).matches()) {
            throw new DockerException(400, "Invalid container name (" + newName + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return name;
    }

    /** The 409 for a name that container {@code holderId} already has. */
    static DockerException conflict(String name, String holderId) {
        return new DockerException(409, "Conflict. The container name \"/" + name + "\" is already in use by container \""
                + holderId + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
}
