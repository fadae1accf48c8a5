package dev.dockmock.scenario.run;

import dev.dockmock.admin.DockMockControl;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.scenario.ScenarioStep;
import dev.dockmock.scenario.StepContext;
import dev.dockmock.scenario.model.JavaStep;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Loads and runs a {@link ScenarioStep} class. */
final class JavaStepRunner {

    private JavaStepRunner() {
    }

    static StepOutput run(JavaStep step, Instance instance, ClientHomes homes, Duration timeout) throws Exception {
        ScenarioStep code;
        try {
            Class<?> type = Class.forName(step.className(), true, Thread.currentThread().getContextClassLoader() == null
                    ? JavaStepRunner.class.getClassLoader() : Thread.currentThread().getContextClassLoader());
            if (!ScenarioStep.class.isAssignableFrom(type)) {
                return StepOutput.error(step.className() + " does not implement " + ScenarioStep.class.getName());
            }
            code = (ScenarioStep) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return StepOutput.error("no class " + step.className() + " on the class path");
        } catch (ReflectiveOperationException e) {
            return StepOutput.error("cannot make a " + step.className() + " (it needs a public no-argument constructor): " + e);
        }
        StringBuffer printed = new StringBuffer();
        Instance.Endpoint endpoint = instance.endpoint(step.target());
        StepContext context = new StepContext() {
            @Override
            public String dockerHost() {
                return endpoint.dockerHost();
            }

            @Override
            public Map<String, String> clientEnvironment() {
                return homes.environment(step.client(), endpoint);
            }

            @Override
            public String client() {
                return step.client();
            }

            @Override
            public Map<String, String> params() {
                return step.params();
            }

            @Override
            public Optional<DockMockControl> control() {
                return Optional.of(instance.control());
            }

            @Override
            public Optional<SwarmCluster> swarm() {
                return instance.cluster();
            }

            @Override
            public void print(String line) {
                printed.append(line).append('\n');
            }
        };
        try {
            Bounded.call("java " + step.className(), () -> {
                code.run(context);
                return null;
            }, timeout);
            return new StepOutput(null, printed.toString(), "", null, null);
        } catch (AssertionError e) {
            return new StepOutput(null, printed.toString(), "", null, String.valueOf(e.getMessage()));
        }
    }
}
