package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses the subset of awk {@link AwkNode} models: rules and statements; anything else is a {@link Bad} program. */
final class AwkParser extends AwkPrintParser {

    private AwkParser(String text) {
        super(text);
    }

    static AwkProgram parse(String program) throws Bad {
        AwkParser parser = new AwkParser(program);
        List<AwkNode.Rule> rules = new ArrayList<>();
        Map<String, AwkNode.Function> functions = new HashMap<>();
        while (parser.skipSpace(true)) {
            if (parser.word("function") || parser.word("func")) {
                AwkNode.Function function = parser.function();
                if (functions.put(function.name(), function) != null) {
                    throw new Bad("duplicate function '" + function.name() + "'");
                }
            } else {
                rules.add(parser.rule());
            }
        }
        return new AwkProgram(rules, functions);
    }

    /** {@code function name(a, b,   local) { body }}, after its keyword. */
    private AwkNode.Function function() throws Bad {
        String name = name();
        expect('(');
        List<String> params = new ArrayList<>();
        while (skipSpace(true) && peek() != ')') {
            params.add(name());
            skipSpace(true);
            if (peek() == ',') {
                at++;
            }
        }
        expect(')');
        skipSpace(true);
        List<AwkNode> body = block();
        return new AwkNode.Function(name, params, body, AwkProgram.usedAsArrays(body, params));
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
        if (word("return")) {
            skipSpace(false);
            return new AwkNode.Return(at >= text.length() || ";}\n".indexOf(peek()) >= 0 ? null : expression());
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
