package dev.dockmock.engine.process;

import dev.dockmock.engine.process.ShellNode.Assignment;
import dev.dockmock.engine.process.ShellNode.Redirect;
import java.util.ArrayList;
import java.util.List;

/** Parses simple commands: assignments, words and redirections in any order. */
final class SimpleCommandParser {
    private final ShellParser parser;

    SimpleCommandParser(ShellParser parser) {
        this.parser = parser;
    }

    private ShellLexer lexer() {
        return parser.lexer();
    }

    /** A simple command, or a function definition when the first word is followed by {@code ()}. */
    ShellNode parse() throws ShellSyntaxError {
        int line = lexer().peek().line();
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        boolean doubleBrackets = false;
        while (true) {
            Token token = lexer().peek();
            if (doubleBrackets && (token.isOperator("&&") || token.isOperator("||"))) {
                // Inside [[ ]], ash passes && and || to the test as words.
                lexer().next();
                words.add(Word.literal(token.text()));
                continue;
            }
            if (token.isRedirection()) {
                redirects.add(redirect());
                continue;
            }
            if (token.type() != Token.Type.WORD) {
                break;
            }
            lexer().next();
            Assignment assignment = words.isEmpty() ? assignment(token.word()) : null;
            if (assignment != null) {
                assignments.add(assignment);
                continue;
            }
            words.add(token.word());
            if ("[[".equals(token.word().plainText()) || "]]".equals(token.word().plainText())) {
                doubleBrackets = "[[".equals(token.word().plainText());
            }
            if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty() && lexer().peek().isOperator("(")) {
                return parser.compounds().functionDefinition(token);
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw ShellParser.unexpected(lexer().peek(), null);
        }
        return new ShellNode.Simple(assignments, words, redirects, line);
    }

    private static Assignment assignment(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof WordPart.Literal first) || first.quoted()) {
            return null;
        }
        int equals = first.text().indexOf('=');
        if (equals <= 0 || !ExpansionLexer.isName(first.text().substring(0, equals))) {
            return null;
        }
        List<WordPart> value = new ArrayList<>();
        if (equals + 1 < first.text().length()) {
            value.add(new WordPart.Literal(first.text().substring(equals + 1), false));
        }
        value.addAll(word.parts().subList(1, word.parts().size()));
        return new Assignment(first.text().substring(0, equals), new Word(value));
    }

    Redirect redirect() throws ShellSyntaxError {
        Token operator = lexer().next();
        String op = operator.text();
        int fd = operator.fd() >= 0 ? operator.fd() : op.startsWith("<") ? 0 : 1;
        Token target = lexer().next();
        if (target.type() != Token.Type.WORD) {
            throw ShellParser.unexpected(target, null);
        }
        if (op.startsWith("<<")) {
            HereDoc doc = new HereDoc(target.word().unquotedSource(), target.word().hasQuoting(), op.equals("<<-"));
            lexer().hereDoc(doc);
            return new Redirect(fd, "<<", target.word(), doc);
        }
        return new Redirect(fd, op, target.word(), null);
    }
}
