package dev.dockmock.junit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * docker-java clients for a {@link DockMock}, for tests that have docker-java
 * ({@code docker-java-core} and {@code docker-java-transport-zerodep}) on their classpath. The
 * extension also injects a {@link DockerClient} or {@link DockerClientConfig} parameter directly;
 * this class is loaded only then, so the extension needs no docker-java otherwise.
 */
public final class DockerJavaClients {

    private DockerJavaClients() {
    }

    /**
     * docker-java's configuration for {@code dockmock}: its {@link DockMock#dockerHost()}, with TLS
     * and the client certificates when the server uses TLS. Other settings come from docker-java's
     * defaults (its system properties and {@code ~/.docker-java.properties}).
     */
    public static DockerClientConfig config(DockMock dockmock) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockmock.dockerHost());
        if (dockmock.tls().isPresent()) {
            builder.withDockerTlsVerify(true).withDockerCertPath(dockmock.tls().get().certPath().toString());
        } else {
            builder.withDockerTlsVerify(false);
        }
        return builder.build();
    }

    /** A new client for {@code dockmock} over docker-java's zerodep transport; the caller closes it. */
    public static DockerClient client(DockMock dockmock) {
        DockerClientConfig config = config(dockmock);
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
    }

    /** A value for a docker-java parameter the extension injects: one client per server, closed before it stops. */
    static Object resolve(Class<?> type, DockMock dockmock) {
        if (type == DockerClientConfig.class) {
            return config(dockmock);
        }
        return dockmock.attachments().computeIfAbsent("docker-java-client", () -> client(dockmock));
    }
}
