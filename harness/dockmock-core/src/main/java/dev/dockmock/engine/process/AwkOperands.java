package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses awk's operands: literals, variables, fields, array elements, function calls, {@code getline}. */
abstract class AwkOperands extends AwkCursor {
    private static final Set<String> FUNCTIONS = Set.of("length", "substr", "tolower", "toupper", "index", "split", "sub", "gsub", "match", "sprintf",
            "close", "system");
    private static final Set<String> KEYWORDS = Set.of("in", "getline", "if", "else", "while", "for", "do", "break",
            "continue", "next", "exit", "delete", "print", "printf", "BEGIN", "END", "function", "func", "return");
    /** In print's arguments, outside parentheses, {@code >} redirects rather than compares. */
    boolean inPrint;

    AwkOperands(String text) {
        super(text);
    }

    /** A whole expression, as inside parentheses and brackets. */
    abstract AwkNode expression() throws Bad;

    static AwkNode assignable(AwkNode node) throws Bad {
        if (!(node instanceof AwkNode.Variable || node instanceof AwkNode.Field || node instanceof AwkNode.Index)) {
            throw new Bad("cannot assign to that");
        }
        return node;
    }

    /** Whether what follows can start an operand, so that two operands side by side are concatenated. */
    boolean startsOperand() {
        char c = peek();
        if (Character.isLetter(c) || c == '_') {
            int end = at;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            return !KEYWORDS.contains(text.substring(at, end));
        }
        return Character.isDigit(c) || c == '"' || c == '$' || c == '(' || c == '!' && !text.startsWith("!=", at)
                && !text.startsWith("!~", at);
    }

    AwkNode primary() throws Bad {
        skipSpace(false);
        char c = peek();
        if (c == '$') {
            at++;
            return new AwkNode.Field(primary());
        }
        if (c == '(') {
            at++;
            boolean printing = inPrint;
            inPrint = false;
            AwkNode inner = expression();
            inPrint = printing;
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
        if (word("getline")) {
            return getline(null);
        }
        String name = name();
        if (FUNCTIONS.contains(name)) {
            return new AwkNode.Call(name, peek() == '(' ? list('(', ')') : List.of());
        }
        if (peek() == '(') {
            // a user function's name is followed by its parenthesis with no blank between
            return new AwkNode.UserCall(name, list('(', ')'));
        }
        if (peek() == '[') {
            return new AwkNode.Index(name, list('[', ']'));
        }
        return new AwkNode.Variable(name);
    }

    /** {@code getline [lvalue] [< file]}, or after {@code command |} {@code getline [lvalue]}. */
    AwkNode getline(AwkNode command) throws Bad {
        skipSpace(false);
        AwkNode target = null;
        if (peek() == '$' || (Character.isLetter(peek()) || peek() == '_') && startsOperand()) {
            target = assignable(primary());
            skipSpace(false);
        }
        AwkNode file = null;
        if (command == null && peek() == '<') {
            at++;
            file = primary();
        }
        return new AwkNode.Getline(target, file, command);
    }

    /** An identifier: a variable, array or function name. */
    String name() throws Bad {
        skipSpace(false);
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at || Character.isDigit(text.charAt(start))) {
            throw new Bad("unexpected " + (start < text.length() ? "'" + text.charAt(start) + "'" : "end of program"));
        }
        return text.substring(start, at);
    }

    /** Comma-separated expressions between {@code open} and {@code close}. */
    private List<AwkNode> list(char open, char close) throws Bad {
        expect(open);
        List<AwkNode> items = new ArrayList<>();
        while (skipSpace(false) && peek() != close) {
            items.add(expression());
            skipSpace(false);
            if (peek() == ',') {
                at++;
            }
        }
        expect(close);
        return items;
    }
}
