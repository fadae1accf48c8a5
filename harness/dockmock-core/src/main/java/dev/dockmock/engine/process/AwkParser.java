package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses the subset of awk {@link AwkNode} models; anything else is a {@link Bad} program. */
final class AwkParser extends AwkCursor {

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

    private AwkNode statement() throws Bad {
        if (peek() == '{') {
            return new AwkNode.If(new AwkNode.Literal(1.0), block(), List.of());
        }
        boolean formatted = word("printf");
        if (formatted || word("print")) {
            List<AwkNode> arguments = new ArrayList<>();
            skipSpace(false);
            boolean parenthesised = peek() == '(';
            if (parenthesised) {
                at++;
            }
            while (skipSpace(false) && ";}\n)".indexOf(peek()) < 0) {
                arguments.add(expression());
                skipSpace(false);
                if (peek() == ',') {
                    at++;
                }
            }
            if (parenthesised) {
                expect(')');
            }
            return new AwkNode.Print(formatted, arguments);
        }
        if (word("if")) {
            expect('(');
            AwkNode condition = expression();
            expect(')');
            skipSpace(true);
            List<AwkNode> then = peek() == '{' ? block() : List.of(statement());
            int mark = at;
            skipSpace(true);
            if (peek() == ';') {
                at++;
                skipSpace(true);
            }
            if (word("else")) {
                skipSpace(true);
                return new AwkNode.If(condition, then, peek() == '{' ? block() : List.of(statement()));
            }
            at = mark;
            return new AwkNode.If(condition, then, List.of());
        }
        if (word("next")) {
            return new AwkNode.Next();
        }
        return expression();
    }

    AwkNode expression() throws Bad {
        AwkNode left = binary(0);
        skipSpace(false);
        for (String op : new String[] {"+=", "-=", "*=", "/=", "="}) {
            if (text.startsWith(op, at) && !text.startsWith("==", at)) {
                if (!(left instanceof AwkNode.Variable || left instanceof AwkNode.Field)) {
                    throw new Bad("cannot assign to that");
                }
                at += op.length();
                return new AwkNode.Assign(op, left, expression(), false);
            }
        }
        return left;
    }


    private static final String[][] LEVELS = {{"||"}, {"&&"}, {"!~", "~"}, {"==", "!=", "<=", ">=", "<", ">"}, {" "}, {"+", "-"},
        {"*", "/", "%"}};

    private AwkNode binary(int level) throws Bad {
        if (level == LEVELS.length) {
            return unary();
        }
        AwkNode left = binary(level + 1);
        while (true) {
            skipSpace(false);
            String found = null;
            if (LEVELS[level][0].equals(" ")) {
                if (at < text.length() && startsOperand()) {
                    found = " ";
                }
            } else {
                for (String op : LEVELS[level]) {
                    if (text.startsWith(op, at) && !compoundAssignment(op)) {
                        found = op;
                        break;
                    }
                }
            }
            if (found == null) {
                return left;
            }
            at += found.equals(" ") ? 0 : found.length();
            left = new AwkNode.Binary(found, left, binary(level + 1));
        }
    }

    /** Whether {@code op} here is really the start of {@code +=}, {@code ++} and the like. */
    private boolean compoundAssignment(String op) {
        if (op.length() != 1 || "+-*/%".indexOf(op.charAt(0)) < 0) {
            return false;
        }
        char next = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
        return next == '=' || next == op.charAt(0) && (op.equals("+") || op.equals("-"));
    }

    /** Whether what follows can start an operand, so that two operands side by side are concatenated. */
    private boolean startsOperand() {
        char c = peek();
        return Character.isLetterOrDigit(c) || c == '"' || c == '$' || c == '(' || c == '_' || c == '!' && !text.startsWith("!=", at)
                && !text.startsWith("!~", at);
    }

    private AwkNode unary() throws Bad {
        skipSpace(false);
        if (peek() == '!') {
            at++;
            return new AwkNode.Unary("!", unary());
        }
        if (peek() == '-' && !text.startsWith("--", at)) {
            at++;
            return new AwkNode.Unary("-", unary());
        }
        AwkNode operand = primary();
        if (text.startsWith("++", at) || text.startsWith("--", at)) {
            String op = text.startsWith("++", at) ? "+=" : "-=";
            at += 2;
            return new AwkNode.Assign(op, operand, new AwkNode.Literal(1.0), true);
        }
        return operand;
    }

    private AwkNode primary() throws Bad {
        skipSpace(false);
        char c = peek();
        if (c == '$') {
            at++;
            return new AwkNode.Field(primary());
        }
        if (c == '(') {
            at++;
            AwkNode inner = expression();
            expect(')');
            return inner;
        }
        if (c == '"') {
            return new AwkNode.Literal(string());
        }
        if (c == '/') {
            return new AwkNode.Regex(Pattern.compile(GrepOptions.extendedToJava(regex())));
        }
        if (Character.isDigit(c) || c == '.') {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            return new AwkNode.Literal(Double.parseDouble(text.substring(start, at)));
        }
        if (Character.isLetter(c) || c == '_') {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String name = text.substring(start, at);
            if (List.of("length", "substr", "tolower", "toupper", "index").contains(name)) {
                List<AwkNode> arguments = new ArrayList<>();
                if (peek() == '(') {
                    at++;
                    while (skipSpace(false) && peek() != ')') {
                        arguments.add(expression());
                        skipSpace(false);
                        if (peek() == ',') {
                            at++;
                        }
                    }
                    expect(')');
                }
                return new AwkNode.Call(name, arguments);
            }
            return new AwkNode.Variable(name);
        }
        throw new Bad("unexpected " + (at < text.length() ? "'" + c + "'" : "end of program"));
    }
}
