package dev.dockmock.engine.process;

import dev.dockmock.engine.process.ShellNode.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses shell source into {@link ShellNode}s, one complete command (a line, or more when a
 * construct spans lines) at a time, as ash does: a later syntax error does not stop earlier
 * lines from running.
 */
final class ShellParser {
    private static final Set<String> LIST_END = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private final ShellLexer lexer;
    private final CompoundParser compounds = new CompoundParser(this);
    private final SimpleCommandParser simpleCommands = new SimpleCommandParser(this);

    /**
     * @param partial whether more text may follow, so that running out of text is "incomplete"
     */
    ShellParser(String text, boolean partial) {
        this.lexer = new ShellLexer(new CharCursor(text, partial));
    }

    /** All of {@code text} as one node ({@code $(...)}, {@code eval}). */
    static ShellNode parseScript(String text) throws ShellSyntaxError {
        ShellParser parser = new ShellParser(text, false);
        List<ShellNode> items = new ArrayList<>();
        for (ShellNode node = parser.next(); node != null; node = parser.next()) {
            items.add(node);
        }
        return items.size() == 1 ? items.get(0) : new ShellNode.Sequence(items);
    }

    /** The next complete command, or {@code null} at the end of the text. */
    ShellNode next() throws ShellSyntaxError {
        skipNewlines();
        if (lexer.peek().type() == Token.Type.EOF) {
            return null;
        }
        ShellNode node = list(true);
        Token end = lexer.peek();
        if (end.type() == Token.Type.NEWLINE) {
            lexer.next();
        } else if (end.type() != Token.Type.EOF) {
            throw unexpected(end, null);
        }
        return node;
    }

    /** Characters consumed so far, after {@link #next()} returned. */
    int consumed() {
        return lexer.position();
    }

    /** The source line reached, for error messages. */
    int line() {
        return lexer.line();
    }

    CompoundParser compounds() {
        return compounds;
    }

    ShellLexer lexer() {
        return lexer;
    }

    /** A list of and-or commands up to a newline ({@code top}) or a closing keyword. */
    ShellNode list(boolean top) throws ShellSyntaxError {
        List<ShellNode> items = new ArrayList<>();
        while (true) {
            if (!top) {
                skipNewlines();
            }
            if (endsList(lexer.peek(), top)) {
                break;
            }
            ShellNode item = andOr();
            Token separator = lexer.peek();
            if (separator.isOperator("&")) {
                lexer.next();
                item = new ShellNode.Background(item);
            } else if (separator.isOperator(";")) {
                lexer.next();
            } else if (separator.type() != Token.Type.NEWLINE || top) {
                items.add(item);
                break;
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw unexpected(lexer.peek(), null);
        }
        return items.size() == 1 ? items.get(0) : new ShellNode.Sequence(items);
    }

    boolean endsList(Token token, boolean top) {
        return token.type() == Token.Type.EOF
                || top && token.type() == Token.Type.NEWLINE
                || token.isOperator(")") || token.isOperator(";;")
                || token.type() == Token.Type.WORD && token.word().plainText() != null
                        && LIST_END.contains(token.word().plainText());
    }

    private ShellNode andOr() throws ShellSyntaxError {
        ShellNode left = pipeline();
        while (lexer.peek().isOperator("&&") || lexer.peek().isOperator("||")) {
            boolean and = lexer.next().isOperator("&&");
            skipNewlines();
            left = new ShellNode.AndOr(left, and, pipeline());
        }
        return left;
    }

    private ShellNode pipeline() throws ShellSyntaxError {
        boolean negated = false;
        if (lexer.peek().isKeyword("!")) {
            lexer.next();
            negated = true;
        }
        List<ShellNode> stages = new ArrayList<>();
        stages.add(command());
        while (lexer.peek().isOperator("|")) {
            lexer.next();
            skipNewlines();
            stages.add(command());
        }
        return stages.size() == 1 && !negated ? stages.get(0) : new ShellNode.Pipeline(stages, negated);
    }

    ShellNode command() throws ShellSyntaxError {
        ShellNode compound = compounds.tryParse(lexer.peek());
        if (compound == null) {
            return simpleCommands.parse();
        }
        List<Redirect> redirects = new ArrayList<>();
        while (lexer.peek().isRedirection()) {
            redirects.add(simpleCommands.redirect());
        }
        return redirects.isEmpty() ? compound : new ShellNode.Redirected(compound, redirects);
    }

    void skipNewlines() throws ShellSyntaxError {
        while (lexer.peek().type() == Token.Type.NEWLINE) {
            lexer.next();
        }
    }

    /** Consumes the keyword {@code keyword}, or fails with ash's "expecting" message. */
    void expect(String keyword) throws ShellSyntaxError {
        if (!lexer.peek().isKeyword(keyword)) {
            throw unexpected(lexer.peek(), '"' + keyword + '"');
        }
        lexer.next();
    }

    void expectOperator(String operator) throws ShellSyntaxError {
        if (!lexer.peek().isOperator(operator)) {
            throw unexpected(lexer.peek(), '"' + operator + '"');
        }
        lexer.next();
    }

    static ShellSyntaxError unexpected(Token token, String expecting) {
        String message = "unexpected " + token.describe() + (expecting == null ? "" : " (expecting " + expecting + ")");
        return new ShellSyntaxError(message, token.type() == Token.Type.EOF);
    }
}
