package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs parsed awk rules over records: fields, variables, arrays, numbers and strings as awk converts them. */
final class AwkInterpreter {
    private final AwkScopes scopes = new AwkScopes();
    private final Map<String, Object> variables = scopes.globals();
    private final AwkFunctions functions;
    private final Consumer<String> out;
    private final AwkPrintf printf;
    private final AwkInput input;
    private final AwkStatements statements = new AwkStatements(this);
    private List<String> fields = new ArrayList<>();
    private String record = "";

    AwkInterpreter(AwkProgram program, Map<String, String> assigned, String separator, Consumer<String> out, AwkPrintf printf,
            AwkInput input) {
        this.functions = new AwkFunctions(program.functions());
        this.out = out;
        this.printf = printf;
        this.input = input;
        variables.put("FS", separator);
        variables.put("OFS", " ");
        variables.put("SUBSEP", "\034");
        variables.put("NR", 0.0);
        variables.putAll(assigned);
    }

    void run(List<AwkNode.Rule> rules, String kind) {
        for (AwkNode.Rule rule : rules) {
            if (rule.kind().equals(kind)) {
                statements.execute(rule.action());
            }
        }
    }

    /** One input record through every main rule. */
    void record(List<AwkNode.Rule> rules, String line) {
        countRecord();
        setRecord(line);
        try {
            for (AwkNode.Rule rule : rules) {
                if (rule.kind().equals("MAIN") && (rule.pattern() == null || AwkValues.truth(value(rule.pattern())))) {
                    if (rule.action() == null) {
                        out.accept(record + "\n");
                    } else {
                        statements.execute(rule.action());
                    }
                }
            }
        } catch (AwkControl control) {
            if (control.kind != AwkControl.Kind.NEXT) {
                throw control;
            }
        }
    }

    void setRecord(String line) {
        record = line;
        fields = AwkOperators.split(line, variables.get("FS"), null);
        variables.put("NF", (double) fields.size());
    }

    void print(AwkNode.Print print) {
        List<String> texts = new ArrayList<>();
        for (AwkNode argument : print.arguments()) {
            texts.add(AwkValues.output(value(argument)));
        }
        String line = print.formatted() ? printf.format(texts)
                : (texts.isEmpty() ? record : String.join(AwkValues.text(variables.get("OFS")), texts)) + "\n";
        if (print.redirect() == null) {
            out.accept(line);
        } else {
            input.write(print.redirect(), AwkValues.text(value(print.file())), line);
        }
    }

    /** {@code printf}'s formatting: the first text is the format, the rest its arguments. */
    String format(List<String> texts) {
        return printf.format(texts);
    }

    Object value(AwkNode node) {
        if (node instanceof AwkNode.Literal literal) {
            return literal.value();
        } else if (node instanceof AwkNode.Regex regex) {
            return regex.pattern().matcher(record).find() ? 1.0 : 0.0;
        } else if (node instanceof AwkNode.Variable variable) {
            return scopes.get(variable.name());
        } else if (node instanceof AwkNode.Field field) {
            return field(index(value(field.index())));
        } else if (node instanceof AwkNode.Index element) {
            return array(element.array()).get(key(element.subscripts()));
        } else if (node instanceof AwkNode.In in) {
            return array(in.array()).contains(key(in.subscripts())) ? 1.0 : 0.0;
        } else if (node instanceof AwkNode.Ternary ternary) {
            return value(AwkValues.truth(value(ternary.condition())) ? ternary.then() : ternary.otherwise());
        } else if (node instanceof AwkNode.Unary unary) {
            Object operand = value(unary.operand());
            return unary.operator().equals("!") ? (AwkValues.truth(operand) ? 0.0 : 1.0)
                    : unary.operator().equals("-") ? -AwkValues.number(operand) : AwkValues.number(operand);
        } else if (node instanceof AwkNode.Binary binary) {
            return AwkOperators.apply(binary, this);
        } else if (node instanceof AwkNode.Assign assign) {
            return AwkOperators.assign(assign, this);
        } else if (node instanceof AwkNode.Call call) {
            return AwkOperators.call(call, this);
        } else if (node instanceof AwkNode.UserCall call) {
            return functions.call(call, this, scopes, statements);
        } else if (node instanceof AwkNode.Getline getline) {
            return AwkGetline.read(getline, this, input);
        }
        throw new IllegalStateException("not an expression: " + node);
    }

    void store(AwkNode target, Object value) {
        if (target instanceof AwkNode.Variable variable) {
            scopes.put(variable.name(), value);
        } else if (target instanceof AwkNode.Field field) {
            setField(index(value(field.index())), AwkValues.output(value));
        } else if (target instanceof AwkNode.Index element) {
            array(element.array()).put(key(element.subscripts()), value);
        }
    }

    /** Counts a record read: {@code NR} goes up by one. */
    void countRecord() {
        variables.put("NR", AwkValues.number(variables.get("NR")) + 1);
    }

    void assign(String variable, Object value) {
        scopes.put(variable, value);
    }

    AwkArray array(String name) {
        return scopes.array(name);
    }

    boolean isArray(String name) {
        return scopes.isArray(name);
    }

    /** The files and commands it reads and writes. */
    AwkInput input() {
        return input;
    }

    /** The key of {@code a[i, j]}: the subscripts as strings, joined with {@code SUBSEP}. */
    String key(List<AwkNode> subscripts) {
        List<String> parts = new ArrayList<>();
        for (AwkNode subscript : subscripts) {
            parts.add(AwkValues.output(value(subscript)));
        }
        return String.join(AwkValues.text(variables.get("SUBSEP")), parts);
    }

    private String field(int index) {
        return index == 0 ? record : index <= fields.size() ? fields.get(index - 1) : "";
    }

    private void setField(int index, String text) {
        if (index == 0) {
            setRecord(text);
            return;
        }
        while (fields.size() < index) {
            fields.add("");
        }
        fields.set(index - 1, text);
        record = String.join(AwkValues.text(variables.get("OFS")), fields);
        variables.put("NF", (double) fields.size());
    }

    private static int index(Object value) {
        return (int) AwkValues.number(value);
    }

    String record() {
        return record;
    }

    Object variable(String name) {
        return scopes.get(name);
    }
}
