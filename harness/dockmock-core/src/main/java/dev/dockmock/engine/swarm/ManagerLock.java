package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.util.Base64;

/**
 * Whether this engine's manager is locked: a manager of an auto-locked swarm whose daemon
 * stopped and started again keeps its keys encrypted until {@code docker swarm unlock} gives the
 * unlock key it held when it stopped (a key rotated while it was away does not open it, as
 * swarmkit's docs warn).
 */
final class ManagerLock {
    /** dockerd's answer to every call about the swarm on a locked manager (503). */
    static final String LOCKED = "Swarm is encrypted and needs to be unlocked before it can be used. Please use "
            + "\"docker swarm unlock\" to unlock it.";
    /** dockerd's answer to {@code swarm leave} without {@code force} on a locked manager (503). */
    static final String LEAVE_LOCKED = "Swarm is encrypted and locked. Please unlock it first or use `--force` to ignore this "
            + "message.";
    static final String NOT_LOCKED = "swarm is not locked";
    static final String INVALID_KEY = "swarm could not be unlocked: invalid key provided";
    static final String MALFORMED_KEY = "invalid key string";
    private static final String PREFIX = "SWMKEY-1-";

    private String heldAtStop = "";
    private String needed;

    /** The daemon stopped holding {@code unlockKey} (empty: not a manager of an auto-locked swarm). */
    synchronized void stopped(String unlockKey) {
        heldAtStop = unlockKey;
    }

    /**
     * The daemon started again: locked when it stopped holding a key.
     *
     * @return whether it is locked now
     */
    synchronized boolean started() {
        if (!heldAtStop.isEmpty()) {
            needed = heldAtStop;
        }
        heldAtStop = "";
        return needed != null;
    }

    synchronized boolean locked() {
        return needed != null;
    }

    /**
     * Unlocks with {@code key}, as dockerd restarts its swarm node with it.
     *
     * @throws DockerException 400 {@code invalid key string} for a key not shaped as
     *         {@code SWMKEY-1-<base64>}, 401 when it is not the key this manager needs
     */
    synchronized void unlock(String key) {
        if (!key.startsWith(PREFIX) || !rawBase64(key.substring(PREFIX.length()))) {
            throw new DockerException(400, MALFORMED_KEY);
        }
        if (!key.equals(needed)) {
            throw new DockerException(401, INVALID_KEY);
        }
        needed = null;
    }

    /** Forgets the lock, as leaving the swarm erases the node's swarm state. */
    synchronized void clear() {
        heldAtStop = "";
        needed = null;
    }

    /** Whether {@code text} is base64 without padding, as Go's {@code RawStdEncoding} reads it. */
    private static boolean rawBase64(String text) {
        if (text.indexOf('=') >= 0 || text.length() % 4 == 1) {
            return false;
        }
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
