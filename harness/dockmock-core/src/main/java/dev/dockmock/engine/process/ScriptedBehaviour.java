package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;

/** Runs a {@link BehaviourSpec}: its output with its pauses, then its exit or a wait for a signal. */
final class ScriptedBehaviour implements Behaviour {
    private final BehaviourSpec spec;

    ScriptedBehaviour(BehaviourSpec spec) {
        this.spec = spec;
    }

    @Override
    public int run(ProcessIo io) throws InterruptedException {
        for (BehaviourSpec.OutputStep step : spec.output()) {
            if (!step.after().isZero()) {
                Thread.sleep(step.after().toMillis());
            }
            byte[] text = step.text().getBytes(StandardCharsets.UTF_8);
            if (step.stream() == 2) {
                io.stderr(text);
            } else {
                io.stdout(text);
            }
        }
        if (spec.untilStopped()) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return spec.exitCode();
    }

    @Override
    public int exitCodeOnSignal(int signal) {
        Integer code = spec.signals().get(signal);
        if (code != null) {
            return code;
        }
        return Behaviour.super.exitCodeOnSignal(signal);
    }

    @Override
    public PortAnswer portAnswer() {
        return spec.port();
    }
}
