package dev.dockmock.replay;

import dev.dockmock.session.Interaction;
import java.util.List;

/** Thrown by {@link ReplayDispatcher#verify()}: recorded interactions that no client asked for. */
public final class UnusedInteractionsError extends AssertionError {
    private final transient List<Interaction> unused;

    UnusedInteractionsError(List<Interaction> unused) {
        super(message(unused));
        this.unused = List.copyOf(unused);
    }

    public List<Interaction> unused() {
        return unused;
    }

    private static String message(List<Interaction> unused) {
        StringBuilder text = new StringBuilder("dockmock replay: ").append(unused.size())
                .append(unused.size() == 1 ? " recorded interaction was" : " recorded interactions were")
                .append(" never requested:");
        for (Interaction interaction : unused) {
            text.append("\n  ").append(interaction.describe());
        }
        return text.toString();
    }
}
