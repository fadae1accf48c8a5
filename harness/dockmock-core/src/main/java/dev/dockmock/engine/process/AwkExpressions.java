package dev.dockmock.engine.process;

import java.util.List;

/** Parses awk expressions: assignments, {@code ?:}, binary and unary operators; {@link AwkParser} adds statements and rules. */
abstract class AwkExpressions extends AwkOperands {
    private static final String[][] LEVELS = {{"||"}, {"&&"}, {"in"}, {"!~", "~"}, {"==", "!=", "<=", ">=", "<", ">"}, {" "},
        {"+", "-"}, {"*", "/", "%"}};
    private static final int CONCATENATION = 5;

    AwkExpressions(String text) {
        super(text);
    }

    @Override
    AwkNode expression() throws Bad {
        AwkNode left = ternary();
        skipSpace(false);
        for (String op : new String[] {"+=", "-=", "*=", "/=", "="}) {
            if (text.startsWith(op, at) && !text.startsWith("==", at)) {
                at += op.length();
                return new AwkNode.Assign(op, assignable(left), expression(), false);
            }
        }
        return left;
    }

    private AwkNode ternary() throws Bad {
        AwkNode condition = binary(0);
        skipSpace(false);
        if (peek() != '?') {
            return condition;
        }
        at++;
        AwkNode then = expression();
        expect(':');
        return new AwkNode.Ternary(condition, then, expression());
    }

    private AwkNode binary(int level) throws Bad {
        if (level == LEVELS.length) {
            return unary();
        }
        AwkNode left = binary(level + 1);
        while (true) {
            skipSpace(false);
            if (LEVELS[level][0].equals("in")) {
                if (!word("in")) {
                    return left;
                }
                left = new AwkNode.In(List.of(left), name());
                continue;
            }
            String found = null;
            if (LEVELS[level][0].equals(" ")) {
                if (at < text.length() && startsOperand()) {
                    found = " ";
                }
            } else {
                for (String op : LEVELS[level]) {
                    if (text.startsWith(op, at) && !compoundAssignment(op) && !(inPrint && op.equals(">"))) {
                        found = op;
                        break;
                    }
                }
            }
            if (found == null && level == CONCATENATION && pipedToGetline()) {
                left = getline(left);
                continue;
            }
            if (found == null) {
                return left;
            }
            at += found.equals(" ") ? 0 : found.length();
            left = new AwkNode.Binary(found, left, binary(level + 1));
        }
    }

    /** Whether {@code | getline} comes next (then skipped), rather than {@code ||} or a print's pipe. */
    private boolean pipedToGetline() {
        int mark = at;
        skipSpace(false);
        if (peek() == '|' && !text.startsWith("||", at)) {
            at++;
            if (word("getline")) {
                return true;
            }
        }
        at = mark;
        return false;
    }

    /** Whether {@code op} here is really the start of {@code +=}, {@code ++} and the like. */
    private boolean compoundAssignment(String op) {
        if (op.length() != 1 || "+-*/%".indexOf(op.charAt(0)) < 0) {
            return false;
        }
        char next = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
        return next == '=' || next == op.charAt(0) && (op.equals("+") || op.equals("-"));
    }

    private AwkNode unary() throws Bad {
        skipSpace(false);
        if (text.startsWith("++", at) || text.startsWith("--", at)) {
            String op = text.startsWith("++", at) ? "+=" : "-=";
            at += 2;
            return new AwkNode.Assign(op, assignable(primary()), new AwkNode.Literal(1.0), false);
        }
        if (peek() == '!') {
            at++;
            return new AwkNode.Unary("!", unary());
        }
        if (peek() == '-') {
            at++;
            return new AwkNode.Unary("-", unary());
        }
        if (peek() == '+') {
            at++;
            return new AwkNode.Unary("+", unary());
        }
        AwkNode operand = primary();
        if (text.startsWith("++", at) || text.startsWith("--", at)) {
            String op = text.startsWith("++", at) ? "+=" : "-=";
            at += 2;
            return new AwkNode.Assign(op, assignable(operand), new AwkNode.Literal(1.0), true);
        }
        return operand;
    }

    /** Operands, concatenated: where a print's output goes. */
    AwkNode concatenation() throws Bad {
        return binary(CONCATENATION);
    }
}
