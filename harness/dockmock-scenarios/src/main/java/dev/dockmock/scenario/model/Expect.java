package dev.dockmock.scenario.model;

import java.util.List;
import java.util.Optional;

/**
 * What a step should show. Each part is optional; an empty expectation holds always.
 *
 * @param exitCode the docker CLI's exit code (docker steps)
 * @param stdout the CLI's standard output, or a Java step's output
 * @param stderr the CLI's standard error
 * @param status the HTTP status (http steps)
 * @param body the HTTP answer's body (http steps)
 * @param journal requests dockmock should (or should not) have received so far
 * @param state what the engine should hold after the step
 */
public record Expect(Optional<Integer> exitCode, Optional<TextExpect> stdout, Optional<TextExpect> stderr, Optional<Integer> status,
        Optional<TextExpect> body, List<JournalExpect> journal, Optional<StateExpect> state) {

    public Expect {
        journal = List.copyOf(journal);
    }

    public static Expect none() {
        return new Expect(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
    }

    public boolean isEmpty() {
        return this.equals(none());
    }
}
