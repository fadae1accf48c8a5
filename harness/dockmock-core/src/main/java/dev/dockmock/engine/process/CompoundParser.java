package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** Parses the compound commands: {@code if}, loops, {@code case}, groups and functions. */
final class CompoundParser {
    private final ShellParser parser;

    CompoundParser(ShellParser parser) {
        this.parser = parser;
    }

    /** The compound command starting at {@code token}, or {@code null} when it starts a simple one. */
    ShellNode tryParse(Token token) throws ShellSyntaxError {
        if (token.isOperator("(")) {
            parser.lexer().next();
            ShellNode body = parser.list(false);
            parser.expectOperator(")");
            return new ShellNode.Subshell(body);
        }
        String keyword = token.type() == Token.Type.WORD ? token.word().plainText() : null;
        if (keyword == null) {
            return null;
        }
        switch (keyword) {
            case "if":
                return ifClause();
            case "while":
            case "until":
                parser.lexer().next();
                ShellNode condition = parser.list(false);
                parser.expect("do");
                ShellNode body = parser.list(false);
                parser.expect("done");
                return new ShellNode.Loop(condition, body, keyword.equals("until"));
            case "for":
                return forClause();
            case "case":
                return caseClause();
            case "function":
                return functionKeyword();
            case "{":
                parser.lexer().next();
                ShellNode group = parser.list(false);
                parser.expect("}");
                return new ShellNode.Group(group);
            case "then", "else", "elif", "fi", "do", "done", "esac", "}", "!":
                throw ShellParser.unexpected(token, null);
            default:
                return null;
        }
    }

    ShellNode functionDefinition(Token name) throws ShellSyntaxError {
        if (!ExpansionLexer.isName(name.word().plainText())) {
            throw new ShellSyntaxError("bad function name", false);
        }
        parser.lexer().next();
        parser.expectOperator(")");
        parser.skipNewlines();
        return new ShellNode.FunctionDef(name.word().plainText(), parser.command());
    }

    /** bash's {@code function name [()] body}, which ash accepts too. */
    private ShellNode functionKeyword() throws ShellSyntaxError {
        ShellLexer lexer = parser.lexer();
        lexer.next();
        Token name = lexer.next();
        if (name.type() != Token.Type.WORD) {
            throw ShellParser.unexpected(name, null);
        }
        if (!ExpansionLexer.isName(name.word().plainText())) {
            throw new ShellSyntaxError("bad function name", false);
        }
        if (lexer.peek().isOperator("(")) {
            lexer.next();
            parser.expectOperator(")");
        }
        parser.skipNewlines();
        return new ShellNode.FunctionDef(name.word().plainText(), parser.command());
    }

    private ShellNode ifClause() throws ShellSyntaxError {
        parser.lexer().next();
        List<ShellNode.Branch> branches = new ArrayList<>();
        while (true) {
            ShellNode condition = parser.list(false);
            parser.expect("then");
            branches.add(new ShellNode.Branch(condition, parser.list(false)));
            Token next = parser.lexer().peek();
            if (next.isKeyword("elif")) {
                parser.lexer().next();
                continue;
            }
            ShellNode otherwise = null;
            if (next.isKeyword("else")) {
                parser.lexer().next();
                otherwise = parser.list(false);
            }
            parser.expect("fi");
            return new ShellNode.If(branches, otherwise);
        }
    }

    private ShellNode forClause() throws ShellSyntaxError {
        ShellLexer lexer = parser.lexer();
        lexer.next();
        Token variable = lexer.next();
        if (variable.type() != Token.Type.WORD) {
            throw ShellParser.unexpected(variable, null);
        }
        if (!ExpansionLexer.isName(variable.word().plainText())) {
            throw new ShellSyntaxError("bad for loop variable", false);
        }
        parser.skipNewlines();
        List<Word> items = null;
        if (lexer.peek().isKeyword("in")) {
            lexer.next();
            items = new ArrayList<>();
            while (lexer.peek().type() == Token.Type.WORD) {
                items.add(lexer.next().word());
            }
            if (lexer.peek().isOperator(";") || lexer.peek().type() == Token.Type.NEWLINE) {
                lexer.next();
            }
        } else if (lexer.peek().isOperator(";")) {
            lexer.next();
        }
        parser.skipNewlines();
        parser.expect("do");
        ShellNode body = parser.list(false);
        parser.expect("done");
        return new ShellNode.For(variable.word().plainText(), items, body);
    }

    private ShellNode caseClause() throws ShellSyntaxError {
        ShellLexer lexer = parser.lexer();
        lexer.next();
        Token subject = lexer.next();
        if (subject.type() != Token.Type.WORD) {
            throw ShellParser.unexpected(subject, null);
        }
        parser.skipNewlines();
        parser.expect("in");
        List<ShellNode.CaseArm> arms = new ArrayList<>();
        while (true) {
            parser.skipNewlines();
            if (lexer.peek().isKeyword("esac")) {
                lexer.next();
                return new ShellNode.Case(subject.word(), arms);
            }
            if (lexer.peek().isOperator("(")) {
                lexer.next();
            }
            List<Word> patterns = new ArrayList<>();
            patterns.add(patternWord());
            while (lexer.peek().isOperator("|")) {
                lexer.next();
                patterns.add(patternWord());
            }
            parser.expectOperator(")");
            parser.skipNewlines();
            Token next = lexer.peek();
            ShellNode body = next.isOperator(";;") || next.isKeyword("esac") ? null : parser.list(false);
            if (lexer.peek().isOperator(";;")) {
                lexer.next();
            } else if (!lexer.peek().isKeyword("esac")) {
                throw ShellParser.unexpected(lexer.peek(), "\";;\"");
            }
            arms.add(new ShellNode.CaseArm(patterns, body));
        }
    }

    private Word patternWord() throws ShellSyntaxError {
        Token token = parser.lexer().next();
        if (token.type() != Token.Type.WORD) {
            throw ShellParser.unexpected(token, token.type() == Token.Type.EOF ? "\"esac\"" : null);
        }
        return token.word();
    }
}
