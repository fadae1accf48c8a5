package dev.dockmock.engine.process;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripts that do not parse: ash's message on stderr and status 2, after the lines before ran. */
class ShellSyntaxErrorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scripts")
    void reportsLikeAsh(String script, String out, String message) {
        Run.sh(script).is(out, "sh: syntax error: " + message + "\n", 2);
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                arguments("if true; then echo a; fi; fi", "", "unexpected \"fi\""),
                arguments("fi", "", "unexpected \"fi\""),
                arguments("echo a\nfi\necho b", "a\n", "unexpected \"fi\""),
                arguments("echo a; done", "", "unexpected \"done\""),
                arguments("if true; then echo a", "", "unexpected end of file (expecting \"fi\")"),
                arguments("if true; echo a; fi", "", "unexpected \"fi\" (expecting \"then\")"),
                arguments("while true; do echo", "", "unexpected end of file (expecting \"done\")"),
                arguments("while true; do done", "", "unexpected \"done\""),
                arguments("for x in a b; echo $x; done", "", "unexpected word (expecting \"do\")"),
                arguments("case x in", "", "unexpected end of file (expecting \"esac\")"),
                arguments("echo 'abc", "", "unterminated quoted string"),
                arguments("echo \"abc", "", "unterminated quoted string"),
                arguments("echo $(echo", "", "unexpected end of file (expecting \")\")"),
                arguments("echo `echo", "", "EOF in backquote substitution"),
                arguments("echo ${x", "", "missing '}'"),
                arguments("echo ${x!y}", "", "bad substitution"),
                arguments("&& echo", "", "unexpected \"&&\""),
                arguments("echo a | | b", "", "unexpected \"|\""),
                arguments("echo a;;", "", "unexpected \";;\""),
                arguments("( echo", "", "unexpected end of file (expecting \")\")"),
                arguments("{ echo a }", "", "unexpected end of file (expecting \"}\")"),
                arguments("(echo) foo", "", "unexpected word"),
                arguments("echo >", "", "unexpected end of file"),
                arguments("echo >\necho", "", "unexpected newline"),
                arguments("for 1 in a; do :; done", "", "bad for loop variable"));
    }

    @Test
    void aScriptNameAddsTheLineNumber() {
        Run.of(RecordingIo.of("sh", "-c", "echo a\n\nfi", "myscript"))
                .is("a\n", "myscript: line 3: syntax error: unexpected \"fi\"\n", 2);
    }
}
