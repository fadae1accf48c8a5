package dev.dockmock.engine.process;

import java.util.List;
import java.util.regex.Pattern;

/** The syntax tree of an awk program: expressions, statements and pattern-action rules. */
sealed interface AwkNode {

    /** A number or string constant. */
    record Literal(Object value) implements AwkNode {
    }

    /** {@code /regex/}: as an expression, whether {@code $0} matches. */
    record Regex(Pattern pattern) implements AwkNode {
    }

    /** A variable: user's, or {@code NR}, {@code NF}, {@code FS}, {@code OFS}, {@code FILENAME}. */
    record Variable(String name) implements AwkNode {
    }

    /** {@code $expr}. */
    record Field(AwkNode index) implements AwkNode {
    }

    /** A binary operator, concatenation ({@code " "}) included. */
    record Binary(String operator, AwkNode left, AwkNode right) implements AwkNode {
    }

    /** {@code !x} or {@code -x}. */
    record Unary(String operator, AwkNode operand) implements AwkNode {
    }

    /** {@code x = e}, {@code x += e} ... and {@code x++}, {@code x--} (as {@code +=} 1 giving the old value). */
    record Assign(String operator, AwkNode target, AwkNode value, boolean postfix) implements AwkNode {
    }

    /** {@code length(s)}, {@code substr(s, i, n)}, {@code tolower}, {@code toupper}, {@code index}. */
    record Call(String function, List<AwkNode> arguments) implements AwkNode {
    }

    /** {@code print a, b} or {@code printf fmt, a}. */
    record Print(boolean formatted, List<AwkNode> arguments) implements AwkNode {
    }

    /** {@code if (c) s [else s]}. */
    record If(AwkNode condition, List<AwkNode> then, List<AwkNode> otherwise) implements AwkNode {
    }

    /** {@code next}: on to the next record. */
    record Next() implements AwkNode {
    }

    /** {@code pattern { action }}; kind is BEGIN, END or MAIN (pattern null: every record; action null: print). */
    record Rule(String kind, AwkNode pattern, List<AwkNode> action) implements AwkNode {
    }
}
