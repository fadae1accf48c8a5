package dev.dockmock.engine.process;

import java.util.List;

/** A piece of a {@link Word}: literal text, or something expanded when the command runs. */
sealed interface WordPart {

    /**
     * Characters taken as they are.
     *
     * @param quoted whether they were quoted or escaped: quoted text is never a keyword, makes a
     *     field even when empty, and is literal inside patterns
     */
    record Literal(String text, boolean quoted) implements WordPart {
    }

    /** {@code "..."}: its expansions are not split into fields. */
    record DoubleQuoted(List<WordPart> parts) implements WordPart {
        public DoubleQuoted {
            parts = List.copyOf(parts);
        }
    }

    /**
     * {@code $name}, {@code ${name}} or {@code ${name<operator><argument>}}.
     *
     * @param operator {@code null} for a plain reference, else one of {@code :- - := = :+ + :? ?
     *     # ## % %%}
     * @param argument the word after the operator ({@code null} for a plain reference)
     */
    record Parameter(String name, String operator, Word argument) implements WordPart {
    }

    /** {@code ${name:offset}} or {@code ${name:offset:length}}; {@code length} may be null. */
    record Substring(String name, Word offset, Word length) implements WordPart {
    }

    /** {@code ${name/pattern/replacement}}, or with {@code //} every match. */
    record Replace(String name, boolean all, Word pattern, Word replacement) implements WordPart {
    }

    /** {@code ${#name}}: the length of the value. */
    record Length(String name) implements WordPart {
    }

    /** {@code $(...)} or backquotes: the standard output of the commands. */
    record CommandSubstitution(ShellNode body) implements WordPart {
    }

    /** {@code $((...))}: the expression is expanded first, then evaluated. */
    record ArithmeticExpansion(Word expression) implements WordPart {
    }
}
