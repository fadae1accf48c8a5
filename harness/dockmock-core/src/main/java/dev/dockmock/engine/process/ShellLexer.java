package dev.dockmock.engine.process;

import java.util.ArrayDeque;
import java.util.List;

/** Splits shell source into words, operators and newlines, and reads here-document bodies. */
final class ShellLexer {
    /** Longest first, so that {@code &&} is not read as two {@code &}. */
    private static final List<String> OPERATORS = List.of("&&", "&>", "||", ";;", "<<-", "<<", "<&", "<>", ">>", ">&",
            ">|", "&", "|", ";", "(", ")", "<", ">");

    private final CharCursor in;
    private final ArrayDeque<HereDoc> pendingHereDocs = new ArrayDeque<>();
    private Token peeked;

    ShellLexer(CharCursor in) {
        this.in = in;
    }

    Token peek() throws ShellSyntaxError {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    Token next() throws ShellSyntaxError {
        Token token = peek();
        peeked = null;
        return token;
    }

    /** Registers a here-document whose body starts after the current line. */
    void hereDoc(HereDoc doc) {
        pendingHereDocs.add(doc);
    }

    /** How many characters were consumed (when no token is peeked). */
    int position() {
        return in.position();
    }

    int line() {
        return in.line();
    }

    private Token read() throws ShellSyntaxError {
        skipBlanksAndComments();
        int line = in.line();
        if (in.atEnd()) {
            if (!pendingHereDocs.isEmpty()) {
                readHereDocs();
            }
            return new Token(Token.Type.EOF, "", null, -1, line);
        }
        if (in.peek() == '\n') {
            in.next();
            readHereDocs();
            return new Token(Token.Type.NEWLINE, "\n", null, -1, line);
        }
        int fd = -1;
        int digits = 0;
        while (Character.isDigit(in.peek(digits))) {
            digits++;
        }
        if (digits > 0 && (in.peek(digits) == '<' || in.peek(digits) == '>')) {
            StringBuilder number = new StringBuilder();
            for (int i = 0; i < digits; i++) {
                number.append(in.next());
            }
            fd = Integer.parseInt(number.toString());
        }
        for (String operator : OPERATORS) {
            if (in.skip(operator)) {
                return new Token(Token.Type.OPERATOR, operator, null, fd, line);
            }
        }
        Word word = WordLexer.readWord(in);
        return new Token(Token.Type.WORD, word.unquotedSource(), word, -1, line);
    }

    private void skipBlanksAndComments() throws ShellSyntaxError {
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == ' ' || c == '\t') {
                in.next();
            } else if (c == '\\' && in.peek(1) == '\n') {
                in.skip("\\\n");
                if (in.atEnd() && in.partial()) {
                    throw new ShellSyntaxError("unexpected end of file", true);
                }
            } else if (c == '#') {
                while (!in.atEnd() && in.peek() != '\n') {
                    in.next();
                }
            } else {
                return;
            }
        }
    }

    private void readHereDocs() throws ShellSyntaxError {
        while (!pendingHereDocs.isEmpty()) {
            HereDoc doc = pendingHereDocs.poll();
            StringBuilder body = new StringBuilder();
            while (true) {
                if (in.atEnd()) {
                    if (in.partial()) {
                        throw new ShellSyntaxError("unexpected end of file (expecting \"" + doc.delimiter() + "\")", true);
                    }
                    break;
                }
                StringBuilder line = new StringBuilder();
                while (!in.atEnd() && in.peek() != '\n') {
                    line.append(in.next());
                }
                boolean newline = !in.atEnd();
                if (newline) {
                    in.next();
                }
                String text = doc.stripTabs() ? line.toString().replaceFirst("^\t+", "") : line.toString();
                if (text.equals(doc.delimiter())) {
                    break;
                }
                body.append(text).append(newline ? "\n" : "");
            }
            doc.body(doc.quoted() ? new Word(List.of(new WordPart.Literal(body.toString(), true)))
                    : WordLexer.readText(body.toString()));
        }
    }
}
