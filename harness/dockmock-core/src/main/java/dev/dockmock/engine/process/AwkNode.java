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

    /** {@code a[k]}, or {@code a[i, j]} (subscripts joined with {@code SUBSEP}). */
    record Index(String array, List<AwkNode> subscripts) implements AwkNode {
    }

    /** {@code (k in a)}. */
    record In(List<AwkNode> subscripts, String array) implements AwkNode {
    }

    /** {@code c ? a : b}. */
    record Ternary(AwkNode condition, AwkNode then, AwkNode otherwise) implements AwkNode {
    }

    /** {@code getline [var] [< file]} or {@code cmd | getline [var]}; target, file and command may be null. */
    record Getline(AwkNode target, AwkNode file, AwkNode command) implements AwkNode {
    }

    /** A call of a function the program defines: {@code f(a, b)}. */
    record UserCall(String function, List<AwkNode> arguments) implements AwkNode {
    }

    /** {@code return [value]}; value may be null. */
    record Return(AwkNode value) implements AwkNode {
    }

    /**
     * {@code function name(params) { body }}: the parameters the caller leaves out are its local
     * variables (or arrays).
     *
     * @param arrayParams the parameters the body uses as arrays: they are passed by reference
     */
    record Function(String name, List<String> params, List<AwkNode> body, java.util.Set<String> arrayParams)
            implements AwkNode {
    }

    /** A built-in function: {@code length}, {@code substr}, {@code index}, {@code split}, {@code sub}, {@code gsub}, {@code match}, {@code sprintf}, {@code tolower}, {@code toupper}. */
    record Call(String function, List<AwkNode> arguments) implements AwkNode {
    }

    /**
     * {@code print a, b} or {@code printf fmt, a}, to stdout or with {@code > file},
     * {@code >> file} or {@code | command} (redirect null for stdout).
     */
    record Print(boolean formatted, List<AwkNode> arguments, String redirect, AwkNode file) implements AwkNode {
    }

    /** {@code if (c) s [else s]}. */
    record If(AwkNode condition, List<AwkNode> then, List<AwkNode> otherwise) implements AwkNode {
    }

    /** {@code next}: on to the next record. */
    record Next() implements AwkNode {
    }

    /** {@code break} or {@code continue}. */
    record Jump(boolean isBreak) implements AwkNode {
    }

    /** {@code exit [code]}; code may be null. */
    record Exit(AwkNode code) implements AwkNode {
    }

    /** {@code delete a[k]}, or {@code delete a} (subscripts null). */
    record Delete(String array, List<AwkNode> subscripts) implements AwkNode {
    }

    /** {@code while (c) s}, or {@code do s while (c)} when {@code bodyFirst}. */
    record While(AwkNode condition, List<AwkNode> body, boolean bodyFirst) implements AwkNode {
    }

    /** {@code for (init; condition; step) s}; any part may be null. */
    record For(AwkNode init, AwkNode condition, AwkNode step, List<AwkNode> body) implements AwkNode {
    }

    /** {@code for (k in a) s}. */
    record ForIn(String variable, String array, List<AwkNode> body) implements AwkNode {
    }

    /** {@code pattern { action }}; kind is BEGIN, END or MAIN (pattern null: every record; action null: print). */
    record Rule(String kind, AwkNode pattern, List<AwkNode> action) implements AwkNode {
    }
}
