package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code print} and {@code printf} statements, with {@code >}, {@code >>} and {@code |} redirections. */
abstract class AwkPrintParser extends AwkExpressions {

    AwkPrintParser(String text) {
        super(text);
    }

    /** {@code print} or {@code printf} ({@code formatted}) after its keyword: the arguments and where they go. */
    AwkNode print(boolean formatted) throws Bad {
        List<AwkNode> arguments = new ArrayList<>();
        skipSpace(false);
        boolean parenthesised = peek() == '(' && wholeArgumentList();
        if (parenthesised) {
            at++;
        }
        inPrint = !parenthesised;
        try {
            while (skipSpace(false) && ";}\n)>".indexOf(peek()) < 0 && !outputPipe()) {
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
            if (outputPipe()) {
                at++;
                inPrint = true;
                return new AwkNode.Print(formatted, arguments, "|", concatenation());
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

    private boolean outputPipe() {
        return peek() == '|' && !text.startsWith("||", at);
    }
}
