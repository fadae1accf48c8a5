package dev.dockmock.junit;

import java.util.Set;

/**
 * Which parameter types the extension injects. docker-java types are recognised by name, so that
 * nothing of docker-java is loaded unless the test itself uses it.
 */
final class Parameters {
    private static final Set<String> DOCKER_JAVA = Set.of("com.github.dockerjava.api.DockerClient",
            "com.github.dockerjava.core.DockerClientConfig");

    private Parameters() {
    }

    static boolean injects(Class<?> type) {
        return type == DockMock.class || DOCKER_JAVA.contains(type.getName());
    }

    static Object resolve(Class<?> type, DockMock dockmock) {
        return type == DockMock.class ? dockmock : DockerJavaClients.resolve(type, dockmock);
    }
}
