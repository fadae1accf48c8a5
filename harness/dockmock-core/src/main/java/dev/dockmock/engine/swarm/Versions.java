package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;

/** The {@code ?version=} of swarm updates: parsed as dockerd parses it, and checked as swarmkit checks it. */
final class Versions {

    private Versions() {
    }

    /**
     * The version named by the request.
     *
     * @param what the object kind in dockerd's message: {@code swarm}, {@code node}, {@code service}, ...
     * @throws DockerException 400 when it is missing or not a number
     */
    static long of(ApiRequest request, String what) {
        String raw = request.query().first("version").orElse("");
        try {
            long version = Long.parseLong(raw);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid " + what + " version '" + raw + "': strconv.ParseUint: parsing \"" + raw
                    + "\": invalid syntax");
        }
    }

    /** @throws DockerException 500 {@code update out of sequence} when {@code given} is not the object's current version */
    static void check(long given, Meta meta) {
        if (given != meta.index()) {
            throw new DockerException(500, "rpc error: code = Unknown desc = update out of sequence");
        }
    }
}
