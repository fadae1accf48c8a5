package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** Parses the subset of awk {@link AwkNode} models: rules and statements; anything else is a {@link Bad} program. */
final class AwkParser extends AwkExpressions {

    private AwkParser(String text) {
        super(text);
    }

    static List<AwkNode.Rule> parse(String program) throws Bad {
        AwkParser parser = new AwkParser(program);
        List<AwkNode.Rule> rules = new ArrayList<>();
        while (parser.skipSpace(true)) {
            rules.add(parser.rule());
        }
        return rules;
    }

    private AwkNode.Rule rule() throws Bad {
        String kind = "MAIN";
        AwkNode pattern = null;
        if (word("BEGIN")) {
            kind = "BEGIN";
        } else if (word("END")) {
            kind = "END";
        } else if (peek() != '{') {
            pattern = expression();
        }
        skipSpace(false);
        List<AwkNode> action = peek() == '{' ? block() : null;
        if (action == null && !kind.equals("MAIN")) {
            throw new Bad(kind + " needs an action");
        }
        return new AwkNode.Rule(kind, pattern, action);
    }

    private List<AwkNode> block() throws Bad {
        expect('{');
        List<AwkNode> statements = new ArrayList<>();
        while (skipSpace(true) && peek() != '}') {
            statements.add(statement());
            skipSpace(false);
            if (peek() == ';') {
                at++;
            }
        }
        expect('}');
        return statements;
    }

    /** The body of if, while, for and do: a block or one statement, on this line or the next. */
    private List<AwkNode> body() throws Bad {
        skipSpace(true);
        return peek() == '{' ? block() : List.of(statement());
    }

    private AwkNode statement() throws Bad {
        if (peek() == '{') {
            return new AwkNode.If(new AwkNode.Literal(1.0), block(), List.of());
        }
        boolean formatted = word("printf");
        if (formatted || word("print")) {
            return print(formatted);
        }
        if (word("if")) {
            AwkNode condition = condition();
            List<AwkNode> then = body();
            int mark = at;
            skipSpace(true);
            if (word("else")) {
                return new AwkNode.If(condition, then, body());
            }
            at = mark;
            return new AwkNode.If(condition, then, List.of());
        }
        if (word("while")) {
            AwkNode condition = condition();
            return new AwkNode.While(condition, body(), false);
        }
        if (word("do")) {
            List<AwkNode> body = body();
            skipSpace(true);
            if (!word("while")) {
                throw new Bad("do without while");
            }
            return new AwkNode.While(condition(), body, true);
        }
        if (word("for")) {
            return forLoop();
        }
        if (word("next")) {
            return new AwkNode.Next();
        }
        if (word("break")) {
            return new AwkNode.Jump(true);
        }
        if (word("continue")) {
            return new AwkNode.Jump(false);
        }
        if (word("exit")) {
            skipSpace(false);
            return new AwkNode.Exit(at >= text.length() || ";}\n".indexOf(peek()) >= 0 ? null : expression());
        }
        if (word("delete")) {
            AwkNode target = expression();
            if (target instanceof AwkNode.Index element) {
                return new AwkNode.Delete(element.array(), element.subscripts());
            } else if (target instanceof AwkNode.Variable array) {
                return new AwkNode.Delete(array.name(), null);
            }
            throw new Bad("delete needs an array");
        }
        return expression();
    }

    private AwkNode condition() throws Bad {
        expect('(');
        AwkNode condition = expression();
        expect(')');
        return condition;
    }

    private AwkNode print(boolean formatted) throws Bad {
        List<AwkNode> arguments = new ArrayList<>();
        skipSpace(false);
        boolean parenthesised = peek() == '(' && wholeArgumentList();
        if (parenthesised) {
            at++;
        }
        inPrint = !parenthesised;
        try {
            while (skipSpace(false) && ";}\n)>".indexOf(peek()) < 0) {
                arguments.add(expression());
                skipSpace(false);
                if (peek() == ',') {
                    at++;
                }
            }
            if (parenthesised) {
                expect(')');
                skipSpace(false);
            }
            if (peek() != '>') {
                return new AwkNode.Print(formatted, arguments, null, null);
            }
            String redirect = text.startsWith(">>", at) ? ">>" : ">";
            at += redirect.length();
            inPrint = true;
            return new AwkNode.Print(formatted, arguments, redirect, concatenation());
        } finally {
            inPrint = false;
        }
    }

    /** {@code for (k in a) s} or {@code for (init; condition; step) s}. */
    private AwkNode forLoop() throws Bad {
        expect('(');
        int mark = at;
        skipSpace(false);
        if (Character.isLetter(peek()) || peek() == '_') {
            String variable = name();
            if (word("in")) {
                String array = name();
                expect(')');
                return new AwkNode.ForIn(variable, array, body());
            }
        }
        at = mark;
        AwkNode init = optional(';');
        AwkNode condition = optional(';');
        AwkNode step = optional(')');
        return new AwkNode.For(init, condition, step, body());
    }

    /** An expression that may be left out, then {@code end}. */
    private AwkNode optional(char end) throws Bad {
        skipSpace(false);
        AwkNode node = peek() == end ? null : expression();
        expect(end);
        return node;
    }
}
