package dev.dockmock.engine.process;

import java.util.List;

/** The parsed form of shell commands, as the runner executes them. */
sealed interface ShellNode {

    /** {@code NAME=value ... word ... <redirections>}, on source line {@code line}. */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line)
            implements ShellNode {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code [!] a | b | c}: the stages run concurrently, each in a subshell. */
    record Pipeline(List<ShellNode> stages, boolean negated) implements ShellNode {
        public Pipeline {
            stages = List.copyOf(stages);
        }
    }

    /** {@code left && right} or {@code left || right}. */
    record AndOr(ShellNode left, boolean and, ShellNode right) implements ShellNode {
    }

    /** Commands run one after the other ({@code ;} or newlines). */
    record Sequence(List<ShellNode> items) implements ShellNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** {@code body &}. */
    record Background(ShellNode body) implements ShellNode {
    }

    /** {@code { body; }}: runs in the current shell. */
    record Group(ShellNode body) implements ShellNode {
    }

    /** {@code ( body )}: runs in a copy of the shell. */
    record Subshell(ShellNode body) implements ShellNode {
    }

    /** {@code if/elif} branches in order, then the {@code else} part ({@code null} when absent). */
    record If(List<Branch> branches, ShellNode otherwise) implements ShellNode {
        public If {
            branches = List.copyOf(branches);
        }
    }

    /** {@code while} (or {@code until}) {@code condition; do body; done}. */
    record Loop(ShellNode condition, ShellNode body, boolean until) implements ShellNode {
    }

    /** {@code for variable in items; do body; done}; {@code items} is null without {@code in}. */
    record For(String variable, List<Word> items, ShellNode body) implements ShellNode {
    }

    /** {@code case subject in pattern) body;; ... esac}. */
    record Case(Word subject, List<CaseArm> arms) implements ShellNode {
        public Case {
            arms = List.copyOf(arms);
        }
    }

    /** {@code name() body}. */
    record FunctionDef(String name, ShellNode body) implements ShellNode {
    }

    /** A compound command with redirections after it ({@code done >/dev/null}). */
    record Redirected(ShellNode body, List<Redirect> redirects) implements ShellNode {
        public Redirected {
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code name=value}. */
    record Assignment(String name, Word value) {
    }

    /**
     * A redirection such as {@code 2>&1}.
     *
     * @param fd the descriptor redirected
     * @param operator {@code < > >> >| <> >& <& &> <<}
     * @param target the file, the descriptor number, or for {@code <<} the here-document
     */
    record Redirect(int fd, String operator, Word target, HereDoc hereDoc) {
    }

    /** One {@code if} or {@code elif} test with its body. */
    record Branch(ShellNode condition, ShellNode body) {
    }

    /** One {@code case} arm; {@code body} is null for an empty one. */
    record CaseArm(List<Word> patterns, ShellNode body) {
        public CaseArm {
            patterns = List.copyOf(patterns);
        }
    }
}
