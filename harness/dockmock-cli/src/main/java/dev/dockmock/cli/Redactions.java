package dev.dockmock.cli;

import dev.dockmock.session.Redaction;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The redaction a {@code --redact} list asks for: the defaults, and more secret variable names. */
final class Redactions {

    private Redactions() {
    }

    static Redaction of(List<Pattern> extraEnvNames) {
        if (extraEnvNames.isEmpty()) {
            return Redaction.defaults();
        }
        // One pattern whose whole-name match is any of them: each alternative keeps its own flags.
        String any = Stream.concat(Stream.of(Redaction.SECRET_NAMES), extraEnvNames.stream())
                .map(p -> "(?:" + p.pattern() + ")").collect(Collectors.joining("|"));
        return Redaction.defaults().withEnvNames(Pattern.compile(any));
    }
}
