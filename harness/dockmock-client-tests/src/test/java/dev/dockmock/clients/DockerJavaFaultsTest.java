package dev.dockmock.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.dockmock.faults.FaultRule;
import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.TransportFault;
import dev.dockmock.testing.ControlledServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docker-java 3.7 against transport faults: each client call fails as it would against a broken
 * daemon or network, and dockmock keeps serving another client (over the other listener) and the
 * same one afterwards.
 */
@Timeout(60)
class DockerJavaFaultsTest {
    private ControlledServer dockmock;
    private DockerClient victim;
    private DockerClient bystander;

    @BeforeEach
    void start() throws IOException {
        dockmock = ControlledServer.start();
        victim = client(dockmock.tcp().toString());
        bystander = client(dockmock.unix().toString());
    }

    private static DockerClient client(String host) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .responseTimeout(Duration.ofSeconds(1)).build());
    }

    @AfterEach
    void stop() throws IOException {
        victim.close();
        bystander.close();
        dockmock.close();
    }

    private void once(String path, TransportFault fault) {
        dockmock.control().faults().add(FaultRule.transport(RequestMatch.of("GET", path), 1, fault));
    }

    /** Apache httpclient5 under docker-java retries an idempotent request once after an I/O error before a response: fault both tries. */
    private void twice(String path, TransportFault fault) {
        dockmock.control().faults().add(FaultRule.transport(RequestMatch.of("GET", path), 2, fault));
    }

    private static Throwable root(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void failsThenRecovers(ThrowableAssert.ThrowingCallable call, String rootType, String message) {
        failsThenRecovers(call, java.util.List.of(rootType), message);
    }

    private void failsThenRecovers(ThrowableAssert.ThrowingCallable call, java.util.List<String> rootTypes, String message) {
        assertThatThrownBy(call).satisfies(thrown -> {
            assertThat(root(thrown).getClass().getSimpleName()).as(thrown.toString()).isIn(rootTypes);
            assertThat(root(thrown).getMessage()).as(thrown.toString()).containsIgnoringCase(message);
        });
        bystander.pingCmd().exec();
        assertThat(victim.infoCmd().exec().getOsType()).isEqualTo("linux");
    }

    @Test
    void aSingleResetIsHiddenByTheClientsRetry() {
        once("/info", new TransportFault.ConnectionReset());
        assertThat(victim.infoCmd().exec().getOsType()).isEqualTo("linux");
        assertThat(dockmock.control().journal().count(RequestMatch.of("GET", "/info"))).isEqualTo(2);
    }

    @Test
    void aResetConnectionIsASocketException() {
        twice("/info", new TransportFault.ConnectionReset());
        failsThenRecovers(() -> victim.infoCmd().exec(), "SocketException", "connection reset");
        assertThat(dockmock.control().journal().count(RequestMatch.of("GET", "/info"))).as("the try, the retry, the recovery").isEqualTo(3);
    }

    @Test
    void anEmptyResponseIsNoHttpResponse() {
        twice("/info", new TransportFault.EmptyResponse());
        failsThenRecovers(() -> victim.infoCmd().exec(), "NoHttpResponseException", "failed to respond");
    }

    @Test
    void aMalformedChunkIsAProtocolError() {
        once("/info", new TransportFault.MalformedChunk());
        failsThenRecovers(() -> victim.infoCmd().exec(), "MalformedChunkCodingException", "chunk");
    }

    @Test
    void randomDataIsNotHttp() {
        twice("/info", new TransportFault.RandomDataThenClose(512));
        // httpclient5 skips lines it cannot read as a status line, so the noise mostly reads as no answer at all
        failsThenRecovers(() -> victim.infoCmd().exec(), java.util.List.of("NoHttpResponseException", "ProtocolException"), "");
    }

    @Test
    void aStalledAnswerTimesOutWhileOthersAreServed() {
        once("/info", new TransportFault.Stall());
        failsThenRecovers(() -> victim.infoCmd().exec(), "SocketTimeoutException", "");
    }

    @Test
    void aDelayedAnswerArrivesLate() {
        once("/version", new TransportFault.FixedDelay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThat(victim.versionCmd().exec().getApiVersion()).isEqualTo("1.50");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void anEventStreamCutMidwayEndsInAnError() throws Exception {
        once("/events", new TransportFault.CloseMidStream(Long.MAX_VALUE, Duration.ofMillis(300)));
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        ResultCallback.Adapter<Event> events = new ResultCallback.Adapter<>() {
            @Override
            public void onError(Throwable error) {
                failed.complete(error);
            }

            @Override
            public void onComplete() {
                failed.complete(null);
            }
        };
        victim.eventsCmd().exec(events);
        Throwable error = failed.get(10, TimeUnit.SECONDS);
        assertThat(error).as("the stream ends in an error, not a clean end").isNotNull();
        bystander.pingCmd().exec();
    }
}
