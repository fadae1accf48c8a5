package dev.dockmock.scenario.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dockmock instance a scenario runs against.
 *
 * @param transports the listeners to open; steps use the first unless they name another
 * @param fixtures engine fixture files or directories (docs/fixtures.md)
 * @param images images present when the engine starts, as if pulled before
 * @param faults fault documents (docs/faults.md), applied in order after the engine starts
 * @param cassette a cassette to replay instead of the engine
 * @param stubs a WireMock mappings directory served in front of the engine
 * @param swarm a swarm of several engines instead of one
 */
public record Setup(List<Transport> transports, List<Path> fixtures, List<String> images, List<FaultSource> faults,
        Optional<CassetteSetup> cassette, Optional<Path> stubs, Optional<SwarmSetup> swarm) {

    public Setup {
        transports = List.copyOf(transports);
        fixtures = List.copyOf(fixtures);
        images = List.copyOf(images);
        faults = List.copyOf(faults);
    }

    /** The default setup: one engine on a unix socket. */
    public static Setup defaults() {
        return new Setup(List.of(Transport.UNIX), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A cassette to replay, {@code strict} or {@code lenient}. */
    public record CassetteSetup(Path file, String mode) {
    }

    /** A swarm of {@code managers} managers and {@code workers} workers; manager1 leads at first. */
    public record SwarmSetup(int managers, int workers) {

        /** The nodes' names as the cluster gives them: {@code manager1}..{@code managerM}, then {@code worker1}..{@code workerW}. */
        public List<String> nodeNames() {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 1; i <= managers; i++) {
                names.add("manager" + i);
            }
            for (int i = 1; i <= workers; i++) {
                names.add("worker" + i);
            }
            return names;
        }
    }

    /** A fault document: its text, and where it came from (for messages). */
    public record FaultSource(String origin, String text) {
    }
}
