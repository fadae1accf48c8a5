package dev.dockmock.engine.containers;

import java.time.Duration;
import java.time.Instant;

/** The human status column of {@code docker ps}: "Up 5 seconds", "Exited (0) 2 minutes ago". */
final class StatusText {

    private StatusText() {
    }

    static String of(Container c) {
        Instant now = Instant.now();
        return switch (c.status()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + human(Duration.between(c.startedAt(), now)) + health(c);
            case PAUSED -> "Up " + human(Duration.between(c.startedAt(), now)) + " (Paused)";
            case RESTARTING -> "Restarting (" + c.exitCode() + ") " + human(Duration.between(c.finishedAt(), now)) + " ago";
            case REMOVING -> "Removal In Progress";
            case EXITED -> "Exited (" + c.exitCode() + ") " + human(Duration.between(c.finishedAt(), now)) + " ago";
            case DEAD -> "Dead";
        };
    }

    /**
     * When {@link #of} may next read differently for an unchanged container, seen from {@code now}:
     * its durations count whole seconds since a fixed instant, so at that instant's next whole
     * second; {@link Instant#MAX} for texts without a duration.
     */
    static Instant nextChange(Container c, Instant now) {
        Instant since = switch (c.status()) {
            case RUNNING, PAUSED -> c.startedAt();
            case RESTARTING, EXITED -> c.finishedAt();
            case CREATED, REMOVING, DEAD -> null;
        };
        if (since == null) {
            return Instant.MAX;
        }
        return since.plusSeconds(Duration.between(since, now).getSeconds() + 1);
    }

    private static String health(Container c) {
        return switch (c.health()) {
            case "" -> "";
            case "starting" -> " (health: starting)";
            default -> " (" + c.health() + ")";
        };
    }

    /** Go's units.HumanDuration. */
    static String human(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        }
        return (hours / 24) + " days";
    }
}
