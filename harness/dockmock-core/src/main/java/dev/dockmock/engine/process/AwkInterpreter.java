package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Runs parsed awk rules over records: fields, variables, numbers and strings as awk converts them. */
final class AwkInterpreter {
    private final Map<String, Object> variables = new HashMap<>();
    private final Consumer<String> out;
    private final AwkPrintf printf;
    private List<String> fields = new ArrayList<>();
    private String record = "";
    private boolean next;

    AwkInterpreter(Map<String, String> assigned, String separator, Consumer<String> out, AwkPrintf printf) {
        this.out = out;
        this.printf = printf;
        variables.put("FS", separator);
        variables.put("OFS", " ");
        variables.put("NR", 0.0);
        variables.putAll(assigned);
    }

    void run(List<AwkNode.Rule> rules, String kind) {
        for (AwkNode.Rule rule : rules) {
            if (rule.kind().equals(kind)) {
                execute(rule.action());
            }
        }
    }

    /** One input record through every main rule. */
    void record(List<AwkNode.Rule> rules, String line) {
        variables.put("NR", number(variables.get("NR")) + 1);
        setRecord(line);
        next = false;
        for (AwkNode.Rule rule : rules) {
            if (next || !rule.kind().equals("MAIN")) {
                continue;
            }
            if (rule.pattern() == null || truth(value(rule.pattern()))) {
                if (rule.action() == null) {
                    out.accept(record + "\n");
                } else {
                    execute(rule.action());
                }
            }
        }
    }

    private void setRecord(String line) {
        record = line;
        String separator = text(variables.get("FS"));
        String trimmed = separator.equals(" ") ? line.strip() : line;
        fields = trimmed.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(separator.equals(" ") ? trimmed.split("[ \t\n]+")
                : trimmed.split(separator.length() == 1 ? Pattern.quote(separator) : separator, -1)));
        variables.put("NF", (double) fields.size());
    }

    private void execute(List<AwkNode> statements) {
        for (AwkNode statement : statements) {
            if (next) {
                return;
            }
            if (statement instanceof AwkNode.Print print) {
                print(print);
            } else if (statement instanceof AwkNode.If branch) {
                execute(truth(value(branch.condition())) ? branch.then() : branch.otherwise());
            } else if (statement instanceof AwkNode.Next) {
                next = true;
            } else {
                value(statement);
            }
        }
    }

    private void print(AwkNode.Print print) {
        List<String> texts = new ArrayList<>();
        for (AwkNode argument : print.arguments()) {
            texts.add(output(value(argument)));
        }
        if (print.formatted()) {
            out.accept(printf.format(texts));
        } else {
            out.accept((texts.isEmpty() ? record : String.join(text(variables.get("OFS")), texts)) + "\n");
        }
    }

    Object value(AwkNode node) {
        if (node instanceof AwkNode.Literal literal) {
            return literal.value();
        } else if (node instanceof AwkNode.Regex regex) {
            return regex.pattern().matcher(record).find() ? 1.0 : 0.0;
        } else if (node instanceof AwkNode.Variable variable) {
            return variables.getOrDefault(variable.name(), "");
        } else if (node instanceof AwkNode.Field field) {
            return field(index(value(field.index())));
        } else if (node instanceof AwkNode.Unary unary) {
            return unary.operator().equals("!") ? (truth(value(unary.operand())) ? 0.0 : 1.0) : -number(value(unary.operand()));
        } else if (node instanceof AwkNode.Binary binary) {
            return AwkOperators.apply(binary, this);
        } else if (node instanceof AwkNode.Assign assign) {
            return assign(assign);
        } else if (node instanceof AwkNode.Call call) {
            return AwkOperators.call(call, this);
        }
        throw new IllegalStateException("not an expression: " + node);
    }

    private Object assign(AwkNode.Assign assign) {
        Object old = value(assign.target());
        Object result = switch (assign.operator()) {
            case "=" -> value(assign.value());
            case "+=" -> number(old) + number(value(assign.value()));
            case "-=" -> number(old) - number(value(assign.value()));
            case "*=" -> number(old) * number(value(assign.value()));
            default -> number(old) / number(value(assign.value()));
        };
        if (assign.target() instanceof AwkNode.Variable variable) {
            variables.put(variable.name(), result);
        } else if (assign.target() instanceof AwkNode.Field field) {
            setField(index(value(field.index())), output(result));
        }
        return assign.postfix() ? number(old) : result;
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
        record = String.join(text(variables.get("OFS")), fields);
        variables.put("NF", (double) fields.size());
    }

    private static int index(Object value) {
        return (int) number(value);
    }

    static double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        java.util.regex.Matcher m = Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(text(value));
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    static String text(Object value) {
        return value instanceof Double d ? output(d) : String.valueOf(value);
    }

    /** How awk prints a number: integers plainly, others with six significant digits. */
    static String output(Object value) {
        if (!(value instanceof Double d)) {
            return String.valueOf(value);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.valueOf((long) d.doubleValue());
        }
        String text = String.format(Locale.ROOT, "%.6g", d);
        return text.contains("e") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static boolean truth(Object value) {
        return value instanceof Double d ? d != 0 : !String.valueOf(value).isEmpty();
    }

    String record() {
        return record;
    }
}
