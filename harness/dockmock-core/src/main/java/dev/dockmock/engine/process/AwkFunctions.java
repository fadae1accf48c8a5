package dev.dockmock.engine.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls the functions an awk program defines: arguments by value, arrays by reference, the
 * parameters left out as fresh locals, {@code return} with or without a value.
 */
final class AwkFunctions {
    private final Map<String, AwkNode.Function> functions;

    AwkFunctions(Map<String, AwkNode.Function> functions) {
        this.functions = functions;
    }

    Object call(AwkNode.UserCall call, AwkInterpreter awk, AwkScopes scopes, AwkStatements statements) {
        AwkNode.Function function = functions.get(call.function());
        if (function == null) {
            throw new IllegalArgumentException("Call to undefined function");
        }
        List<AwkNode> args = call.arguments();
        Map<String, Object> frame = new HashMap<>();
        for (int i = 0; i < function.params().size(); i++) {
            String param = function.params().get(i);
            if (i >= args.size()) {
                frame.put(param, "");
            } else if (args.get(i) instanceof AwkNode.Variable variable
                    && (function.arrayParams().contains(param) || scopes.isArray(variable.name()))) {
                frame.put(param, scopes.array(variable.name()));
            } else {
                frame.put(param, awk.value(args.get(i)));
            }
        }
        for (int i = function.params().size(); i < args.size(); i++) {
            awk.value(args.get(i));
        }
        scopes.enter(frame);
        try {
            statements.execute(function.body());
            return "";
        } catch (AwkControl control) {
            if (control.kind == AwkControl.Kind.RETURN) {
                return control.returned;
            }
            throw control;
        } finally {
            scopes.leave();
        }
    }
}
