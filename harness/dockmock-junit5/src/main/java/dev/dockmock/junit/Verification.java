package dev.dockmock.junit;

import dev.dockmock.replay.UnusedInteractionsError;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The checks after a test (and after a class): unmatched requests, unused recorded interactions. */
final class Verification {

    private Verification() {
    }

    /**
     * @param owner whether {@code context} owns the session, which then stops after it: the time to
     *     check for unused interactions
     * @throws AssertionError the first problem found, with any others suppressed
     */
    static void check(Session session, ExtensionContext context, boolean owner) {
        AssertionError failure = null;
        if (session.settings().failOnUnmatched()) {
            List<String> unmatched = session.takeUnmatched();
            if (!unmatched.isEmpty()) {
                failure = new AssertionError(unmatchedMessage(unmatched, context));
            }
        }
        if (owner && session.settings().failOnUnused() && session.handle().replay().isPresent()) {
            try {
                session.handle().replay().get().verify();
            } catch (UnusedInteractionsError e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String unmatchedMessage(List<String> unmatched, ExtensionContext context) {
        String during = context.getRequiredTestClass().getSimpleName() + context.getTestMethod().map(m -> "#" + m.getName()).orElse("");
        StringBuilder text = new StringBuilder("dockmock: ").append(unmatched.size())
                .append(unmatched.size() == 1 ? " request" : " requests").append(" during ").append(during)
                .append(" matched nothing (failOnUnmatchedRequests is on):");
        unmatched.forEach(message -> text.append("\n  ").append(message));
        return text.toString();
    }
}
