package dev.dockmock.engine.process;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code sh -c SCRIPT}: exact stdout, stderr and exit status, as busybox ash gives them. */
class ShellScriptTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"basics", "quotingAndExpansion", "controlFlow", "redirectionsAndPipes", "builtins", "errors"})
    void runsLikeAsh(String script, String out, String err, int status) {
        Run.sh(script).is(out, err, status);
    }

    static Stream<Arguments> basics() {
        return Stream.of(
                arguments("echo a; echo b >&2; exit 3", "a\n", "b\n", 3),
                arguments("echo hello world", "hello world\n", "", 0),
                arguments("true; false", "", "", 1),
                arguments("false; true", "", "", 0),
                arguments("false || echo recovered", "recovered\n", "", 0),
                arguments("true && echo yes || echo no", "yes\n", "", 0),
                arguments("false && echo yes; echo $?", "1\n", "", 0),
                arguments("! false && echo negated", "negated\n", "", 0),
                arguments("! true; echo $?", "1\n", "", 0),
                arguments("exit 300", "", "", 44),
                arguments("exit", "", "", 0),
                arguments("false; exit", "", "", 1),
                arguments("exec echo hi; echo no", "hi\n", "", 0),
                arguments("exec false; echo no", "", "", 1),
                arguments("# only a comment", "", "", 0),
                arguments("echo a # trailing comment", "a\n", "", 0),
                arguments("", "", "", 0),
                arguments("echo one\necho two\n\n", "one\ntwo\n", "", 0),
                arguments("echo $0 $#", "sh 0\n", "", 0),
                arguments("echo $$", "1\n", "", 0));
    }

    static Stream<Arguments> quotingAndExpansion() {
        return Stream.of(
                arguments("echo 'single $HOME' \"double $HOME\" back\\ slash", "single $HOME double /root back slash\n", "", 0),
                arguments("echo \"a\\\"b\\$c\\\\d\\x\"", "a\"b$c\\d\\x\n", "", 0),
                arguments("echo \"a  b\" a  b", "a  b a b\n", "", 0),
                arguments("x=$(echo hi); echo \"$x!\"", "hi!\n", "", 0),
                arguments("echo $(echo a; echo b)", "a b\n", "", 0),
                arguments("echo \"[$(printf 'a\\n\\n\\n')]\"", "[a]\n", "", 0),
                arguments("echo `echo back`tick", "backtick\n", "", 0),
                arguments("echo $(echo $(echo nested))", "nested\n", "", 0),
                arguments("echo $((2*21))", "42\n", "", 0),
                arguments("echo $((7 / 2)) $((7 % 3)) $((-3 + 10)) $(( (1+2)*3 )) $((1 < 2)) $((x = 5)) $x", "3 1 7 9 1 5 5\n", "", 0),
                arguments("i=4; echo $((i * i + 1)) $(($i << 2)) $((i > 3 && i < 5)) $((0x10 + 010))", "17 16 1 24\n", "", 0),
                arguments("echo ${UNSET-x} ${UNSET:+y} ${HOME:+set} ${#HOME}", "x set 5\n", "", 0),
                arguments("echo ${UNSET:-default} ${EMPTY=} [$EMPTY] ${NEW:=assigned} $NEW", "default [] assigned assigned\n", "", 0),
                arguments("v=hello.tar.gz; echo ${v%.*} ${v%%.*} ${v#*.} ${v##*.}", "hello.tar hello tar.gz gz\n", "", 0),
                arguments("p=/usr/local/bin/; echo ${p%/} ${p#/usr}", "/usr/local/bin /local/bin/\n", "", 0),
                arguments("v=a-b-c; echo ${v/-/+} ${v//-/} ${v/#a/A} ${v/%c/C} ${v/x/y}", "a+b-c abc A-b-c a-b-C a-b-c\n", "", 0),
                arguments("v=abcdef; echo ${v:2} ${v:1:3} ${v: -2} ${v:0:$((1+1))}", "cdef bcd ef ab\n", "", 0),
                arguments("i=1; echo $((i++)) $i $((++i)) $((i--)) $((--i)) $((i+=10))", "1 2 3 3 1 11\n", "", 0),
                arguments("set -- a 'b c'; echo $#; for x in \"$@\"; do echo \"[$x]\"; done", "2\n[a]\n[b c]\n", "", 0),
                arguments("set -- a 'b c'; for x in $@; do echo \"[$x]\"; done", "[a]\n[b]\n[c]\n", "", 0),
                arguments("set -- a b; echo \"$*\" \"$1$2\" ${2}", "a b ab b\n", "", 0),
                arguments("for x in \"$@\"; do echo never; done; echo \"[$@]\"", "[]\n", "", 0),
                arguments("x='a b  c'; for w in $x; do echo \"<$w>\"; done", "<a>\n<b>\n<c>\n", "", 0),
                arguments("e=; for w in $e \"$e\"; do echo \"<$w>\"; done", "<>\n", "", 0),
                arguments("IFS=:; p=a:b::c; for w in $p; do echo \"<$w>\"; done", "<a>\n<b>\n<>\n<c>\n", "", 0),
                arguments("echo ~ ~/x \"~\"", "/root /root/x ~\n", "", 0),
                arguments("echo *.txt '$x' \\$y", "*.txt $x $y\n", "", 0),
                arguments("X=1; X=2 sh -c 'echo $X'; echo $X", "2\n1\n", "", 0),
                arguments("export GREETING=hi; sh -c 'echo $GREETING'", "hi\n", "", 0),
                arguments("LOCAL=hi; sh -c 'echo [$LOCAL]'", "[]\n", "", 0),
                arguments("unset HOME; echo ${HOME:-none}", "none\n", "", 0),
                arguments("a=1 b=2; echo $a$b", "12\n", "", 0),
                arguments("cat <<EOF\nhello $HOME\n  $((1+1))\nEOF\necho after", "hello /root\n  2\nafter\n", "", 0),
                arguments("cat <<'EOF'\nraw $HOME\nEOF", "raw $HOME\n", "", 0),
                arguments("cat <<-EOF\n\tindented\n\tEOF\n", "indented\n", "", 0));
    }

    static Stream<Arguments> controlFlow() {
        return Stream.of(
                arguments("for i in 1 2 3; do echo $i; done", "1\n2\n3\n", "", 0),
                arguments("for i in 1 2 3\ndo\n  echo $i\ndone", "1\n2\n3\n", "", 0),
                arguments("if false; then echo a; elif true; then echo b; else echo c; fi", "b\n", "", 0),
                arguments("if false; then echo a; fi; echo $?", "0\n", "", 0),
                arguments("if [ 1 = 2 ]; then echo a; else echo c; fi", "c\n", "", 0),
                arguments("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done", "1\n2\n3\n", "", 0),
                arguments("i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done", "0\n1\n", "", 0),
                arguments("for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done",
                        "1\n3\n", "", 0),
                arguments("for i in a b; do for j in 1 2; do echo $i$j; continue 2; done; done", "a1\nb1\n", "", 0),
                arguments("for i in a b; do for j in 1 2; do echo $i$j; break 2; done; done; echo out", "a1\nout\n", "", 0),
                arguments("while true; do break; done; echo out", "out\n", "", 0),
                arguments("case hello in h*o) echo match;; *) echo no;; esac", "match\n", "", 0),
                arguments("case x in a|x) echo alt;; esac; case '*' in \\*) echo star;; esac", "alt\nstar\n", "", 0),
                arguments("case foo in bar) echo no;; esac; echo $?", "0\n", "", 0),
                arguments("case 5 in [0-9]) echo digit;; esac", "digit\n", "", 0),
                arguments("{ echo a; echo b; }; (echo c)", "a\nb\nc\n", "", 0),
                arguments("(echo sub; exit 4); echo $?", "sub\n4\n", "", 0),
                arguments("x=1; (x=2; echo $x); echo $x", "2\n1\n", "", 0),
                arguments("x=1; { x=2; }; echo $x", "2\n", "", 0),
                arguments("f() { echo in f $1; return 4; }; f x; echo $?", "in f x\n4\n", "", 0),
                arguments("f() { local v=in; echo $v $#; }; v=out; f a b; echo $v", "in 2\nout\n", "", 0),
                arguments("f() {\n  echo multi\n}\nf; f", "multi\nmulti\n", "", 0),
                arguments("set -e; false; echo no", "", "", 1),
                arguments("set -e; false || true; if false; then :; fi; ! true; false && true; echo survived", "survived\n", "", 0),
                arguments("set -e; (false); echo no", "", "", 1),
                arguments("set -e; true | false; echo no", "", "", 1),
                arguments("set -e; nosuch 2>/dev/null; echo no", "", "", 127),
                arguments("set -o pipefail; false | true; echo $?", "1\n", "", 0),
                arguments("false | true; echo $?", "0\n", "", 0),
                arguments("sleep 0.01 & wait; echo waited", "waited\n", "", 0),
                arguments("echo bg & wait $!; echo $?", "bg\n0\n", "", 0));
    }

    static Stream<Arguments> redirectionsAndPipes() {
        return Stream.of(
                arguments("echo out; echo err 1>&2", "out\n", "err\n", 0),
                arguments("echo hidden >/dev/null; echo quiet 2>/dev/null", "quiet\n", "", 0),
                arguments("nosuch 2>&1", "sh: nosuch: not found\n", "", 127),
                arguments("nosuch 2>&1 >/dev/null", "sh: nosuch: not found\n", "", 127),
                arguments("nosuch >/dev/null 2>&1", "", "", 127),
                arguments("echo both &>/dev/null; echo x", "x\n", "", 0),
                arguments("{ echo a; echo b; } >&2", "", "a\nb\n", 0),
                arguments("for i in 1 2; do echo $i; done > /dev/null; echo done", "done\n", "", 0),
                arguments("echo to-file > /tmp/f; cat /tmp/f", "", "cat: can't open '/tmp/f': No such file or directory\n", 1),
                arguments("cat < /nofile; echo $?", "1\n", "sh: can't open /nofile: no such file\n", 0),
                arguments("cat < /dev/null; echo empty", "empty\n", "", 0),
                arguments("echo x >&9; echo $?", "1\n", "sh: 9: Bad file descriptor\n", 0),
                arguments("echo hi | cat", "hi\n", "", 0),
                arguments("yes | head -n 2", "y\ny\n", "", 0),
                arguments("yes no | head -n 1; echo $?", "no\n0\n", "", 0),
                arguments("printf 'a\\nb\\nc\\n' | while read l; do echo \"<$l>\"; done", "<a>\n<b>\n<c>\n", "", 0),
                arguments("echo a | { read line; echo got $line; }", "got a\n", "", 0),
                arguments("x=1; echo 2 | read x; echo $x", "1\n", "", 0),
                arguments("seq 5 | head -n 2 | wc -l", "2\n", "", 0),
                arguments("echo hi | tee /tmp/x | cat", "hi\n", "", 0),
                arguments("{ echo g1; echo g2; } | head -n 1", "g1\n", "", 0),
                arguments("echo err >&2 | cat", "", "err\n", 0),
                arguments("echo a b c | wc", "        1         3         6\n", "", 0),
                arguments("read a b <<EOF\none two three\nEOF\necho $a/$b", "one/two three\n", "", 0),
                arguments("IFS= read -r line <<EOF\n  keep \\ spaces  \nEOF\necho \"[$line]\"", "[  keep \\ spaces  ]\n", "", 0));
    }

    static Stream<Arguments> builtins() {
        return Stream.of(
                arguments("export A=b; printenv A", "b\n", "", 0),
                arguments("export -p | head -n 1", "export HOME='/root'\n", "", 0),
                arguments("unset PATH; export | wc -l", "4\n", "", 0),
                arguments("set -- 1 2 3; shift; echo $@; shift 5; echo $? $#", "2 3\n1 2\n", "", 0),
                arguments("eval 'x=5; echo $x'", "5\n", "", 0),
                arguments("cmd='echo evaluated'; eval $cmd", "evaluated\n", "", 0),
                arguments("trap 'echo bye' EXIT INT; kill -TERM 1; echo after", "after\n", "", 0),
                arguments("cd /tmp; pwd; cd ..; echo $PWD; cd -", "/tmp\n/\n/tmp\n", "", 0),
                arguments("command -v sh; command -v echo; command -v nosuch; echo $?", "/bin/sh\necho\n127\n", "", 0),
                arguments("f() { :; }; type f echo exit ls nosuch; echo $?",
                        "f is a function\necho is a shell builtin\nexit is a special shell builtin\nls is /bin/ls\n"
                                + "nosuch: not found\n127\n", "", 0),
                arguments("echo() { printf 'fn:%s\\n' \"$1\"; }; echo x; command echo y", "fn:x\ny\n", "", 0),
                arguments("set -x; echo 'a b' c", "a b c\n", "+ echo 'a b' c\n", 0),
                arguments("umask; ulimit -n; ulimit", "0022\n1048576\nunlimited\n", "", 0),
                arguments("test -n \"$HOME\" && [ -d / ] && [ ! -e /nope ] && [ -x /bin/sh ] && echo ok", "ok\n", "", 0),
                arguments("[ 2 -gt 1 -a abc != abd ] && echo yes", "yes\n", "", 0),
                arguments("x=ab; [[ $x == ab && -d /tmp ]] && [[ a = b || 1 -lt 2 ]] && echo brackets", "brackets\n", "", 0),
                arguments("function f { echo kw $1; }; function g() { f g; }; f x; g", "kw x\nkw g\n", "", 0),
                arguments("echo $'a\\tb\\'c' \"$'x'\"", "a\tb'c $'x'\n", "", 0),
                arguments("uname; uname -m -r; whoami; id -u; hostname", "Linux\n6.1.0-dockmock x86_64\nroot\n0\nc0ffee123456\n", "", 0),
                arguments("mkdir -p /a/b && touch /a/b/c && rm -rf /a && chmod 755 /x && echo fine", "fine\n", "", 0));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("nosuch", "", "sh: nosuch: not found\n", 127),
                arguments("/usr/local/bin/app --serve", "", "sh: /usr/local/bin/app: not found\n", 127),
                arguments("nosuch 2>/dev/null; echo $?", "127\n", "", 0),
                arguments("exec nosuch; echo no", "", "sh: exec: line 1: nosuch: not found\n", 127),
                arguments("echo $((1/0)); echo no", "", "sh: divide by zero\n", 2),
                arguments("echo $((1+)); echo no", "", "sh: arithmetic syntax error\n", 2),
                arguments("echo ${X:?must be set}; echo no", "", "sh: X: must be set\n", 2),
                arguments("echo ${X:?}", "", "sh: X: parameter not set or null\n", 2),
                arguments("exit abc", "", "sh: exit: line 1: Illegal number: abc\n", 2),
                arguments("echo ok\nexport 1x=2", "ok\n", "sh: export: line 2: 1x: bad variable name\n", 2),
                arguments(". /etc/profile.d/x.sh", "", "sh: .: line 1: can't open '/etc/profile.d/x.sh': No such file or directory\n", 127),
                arguments("(echo $((1/0))); echo survived $?", "survived 2\n", "sh: divide by zero\n", 0),
                arguments("f() { local x; }; local y", "", "sh: local: line 1: not in a function\n", 2),
                arguments("[ a -eq 1 ]; echo $?", "2\n", "[: a: bad number\n", 0),
                arguments("[ a = a; echo $?", "2\n", "[: missing ]\n", 0),
                arguments("cat nofile; echo $?", "1\n", "cat: can't open 'nofile': No such file or directory\n", 0),
                arguments("printf '%d\\n' abc; echo $?", "0\n1\n", "printf: invalid number 'abc'\n", 0),
                arguments("sleep abc; echo $?", "1\n", "sleep: invalid number 'abc'\n", 0),
                arguments("ls /nope; echo $?", "1\n", "ls: /nope: No such file or directory\n", 0));
    }
}
