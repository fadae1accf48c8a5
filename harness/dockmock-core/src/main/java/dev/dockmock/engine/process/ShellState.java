package dev.dockmock.engine.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything a shell remembers: variables, positional parameters, functions, options, status. */
final class ShellState {
    final Map<String, String> vars = new LinkedHashMap<>();
    final Set<String> exported = new LinkedHashSet<>();
    final Map<String, ShellNode> functions = new HashMap<>();
    final BackgroundJobs jobs = new BackgroundJobs();
    private final Deque<Map<String, String>> localFrames = new ArrayDeque<>();
    final String hostname;
    /** What the container's processes can connect to ({@code nc -z}, {@code wget}). */
    final ProcessNetwork network;
    /** The container's files, for the commands the shell runs. */
    final ProcessFiles files;
    /** The processes the shell sees; the commands it runs are its children there. */
    ProcessList processes = ProcessList.alone(List.of("sh"));
    /** The commands ash execs in its own place rather than as children ({@link TailCommands}). */
    Set<ShellNode.Simple> tailCommands = Set.of();
    /** The terminal the shell was started on, if any; its commands ({@code stty}) see it too. */
    Terminal terminal;
    String arg0;
    String scriptName;
    String dollarZero;
    List<String> positional = List.of();
    String workingDir;
    int status;
    int line = 1;
    int substitutionStatus = -1;
    boolean errexit;
    boolean xtrace;
    boolean pipefail;
    /** Greater than zero while running a condition, where {@code set -e} does not apply. */
    int errexitSuppressed;
    int loopDepth;

    ShellState(String arg0, String hostname, String workingDir, ProcessNetwork network, ProcessFiles files) {
        this.arg0 = arg0;
        this.files = files;
        this.dollarZero = arg0;
        this.hostname = hostname;
        this.network = network;
        this.workingDir = workingDir;
    }

    /** A subshell's copy: later changes on either side do not reach the other. */
    ShellState copy() {
        ShellState copy = new ShellState(arg0, hostname, workingDir, network, files);
        copy.vars.putAll(vars);
        copy.exported.addAll(exported);
        copy.functions.putAll(functions);
        localFrames.forEach(frame -> copy.localFrames.add(new HashMap<>(frame)));
        copy.scriptName = scriptName;
        copy.dollarZero = dollarZero;
        copy.positional = positional;
        copy.status = status;
        copy.line = line;
        copy.errexit = errexit;
        copy.xtrace = xtrace;
        copy.pipefail = pipefail;
        copy.processes = processes;
        copy.terminal = terminal;
        copy.errexitSuppressed = errexitSuppressed;
        return copy;
    }

    String get(String name) {
        return vars.get(name);
    }

    void set(String name, String value) {
        vars.put(name, value);
    }

    void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    /** The environment given to commands: the exported variables. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        vars.forEach((name, value) -> {
            if (exported.contains(name)) {
                env.put(name, value);
            }
        });
        return env;
    }

    String flags() {
        return (errexit ? "e" : "") + (xtrace ? "x" : "");
    }

    void enterFunction() {
        localFrames.push(new HashMap<>());
    }

    /** Restores the variables the function made local. */
    void leaveFunction() {
        localFrames.pop().forEach((name, saved) -> {
            if (saved == null) {
                vars.remove(name);
            } else {
                vars.put(name, saved);
            }
        });
    }

    /** {@code local name}: saves the caller's value, to restore when the function returns. */
    boolean makeLocal(String name) {
        Map<String, String> frame = localFrames.peek();
        if (frame == null) {
            return false;
        }
        if (!frame.containsKey(name)) {
            frame.put(name, vars.get(name));
        }
        return true;
    }

    /**
     * How ash starts an error message: the shell's name, then the builtin's name and the line
     * number when there is a builtin or a script name.
     */
    String prefix(String builtin) {
        StringBuilder prefix = new StringBuilder(arg0).append(": ");
        String command = builtin != null ? builtin : scriptName;
        if (command != null) {
            if (!command.equals(arg0)) {
                prefix.append(command).append(": ");
            }
            prefix.append("line ").append(line).append(": ");
        }
        return prefix.toString();
    }

    List<String> positionalCopy() {
        return new ArrayList<>(positional);
    }
}
