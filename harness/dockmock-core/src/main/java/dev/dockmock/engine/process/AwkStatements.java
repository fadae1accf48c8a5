package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** Runs awk statements: print, if, the loops, delete, and the jumps out of them. */
final class AwkStatements {
    private final AwkInterpreter awk;

    AwkStatements(AwkInterpreter awk) {
        this.awk = awk;
    }

    void execute(List<AwkNode> statements) {
        for (AwkNode statement : statements) {
            execute(statement);
        }
    }

    private void execute(AwkNode statement) {
        if (statement instanceof AwkNode.Print print) {
            awk.print(print);
        } else if (statement instanceof AwkNode.If branch) {
            execute(AwkValues.truth(awk.value(branch.condition())) ? branch.then() : branch.otherwise());
        } else if (statement instanceof AwkNode.While loop) {
            whileLoop(loop);
        } else if (statement instanceof AwkNode.For loop) {
            forLoop(loop);
        } else if (statement instanceof AwkNode.ForIn loop) {
            forIn(loop);
        } else if (statement instanceof AwkNode.Delete delete) {
            delete(delete);
        } else if (statement instanceof AwkNode.Next) {
            throw new AwkControl(AwkControl.Kind.NEXT, null);
        } else if (statement instanceof AwkNode.Jump jump) {
            throw new AwkControl(jump.isBreak() ? AwkControl.Kind.BREAK : AwkControl.Kind.CONTINUE, null);
        } else if (statement instanceof AwkNode.Return result) {
            throw new AwkControl(result.value() == null ? "" : awk.value(result.value()));
        } else if (statement instanceof AwkNode.Exit exit) {
            Integer code = exit.code() == null ? null : (int) AwkValues.number(awk.value(exit.code()));
            throw new AwkControl(AwkControl.Kind.EXIT, code);
        } else {
            awk.value(statement);
        }
    }

    private void whileLoop(AwkNode.While loop) {
        boolean first = loop.bodyFirst();
        while (first || AwkValues.truth(awk.value(loop.condition()))) {
            first = false;
            if (!body(loop.body())) {
                return;
            }
        }
    }

    private void forLoop(AwkNode.For loop) {
        if (loop.init() != null) {
            awk.value(loop.init());
        }
        while (loop.condition() == null || AwkValues.truth(awk.value(loop.condition()))) {
            if (!body(loop.body())) {
                return;
            }
            if (loop.step() != null) {
                awk.value(loop.step());
            }
        }
    }

    private void forIn(AwkNode.ForIn loop) {
        // busybox takes the keys when the loop starts: the body may add and delete
        for (String key : new ArrayList<>(awk.array(loop.array()).keys())) {
            awk.assign(loop.variable(), key);
            if (!body(loop.body())) {
                return;
            }
        }
    }

    /** Runs a loop's body once; false when it breaks out. */
    private boolean body(List<AwkNode> statements) {
        try {
            execute(statements);
            return true;
        } catch (AwkControl jump) {
            if (jump.kind == AwkControl.Kind.BREAK) {
                return false;
            }
            if (jump.kind == AwkControl.Kind.CONTINUE) {
                return true;
            }
            throw jump;
        }
    }

    private void delete(AwkNode.Delete delete) {
        AwkArray array = awk.array(delete.array());
        if (delete.subscripts() == null) {
            array.clear();
        } else {
            array.remove(awk.key(delete.subscripts()));
        }
    }
}
