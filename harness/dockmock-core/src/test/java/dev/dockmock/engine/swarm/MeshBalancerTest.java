package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.process.PortAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The routing mesh's round robin over a service's running tasks, each task's answer standing for the task. */
class MeshBalancerTest {

    private static MeshBalancer.Backend task(String name) {
        return () -> Optional.of(new PortAnswer.Banner(name, false));
    }

    private static List<String> next(MeshBalancer balancer, int connections) {
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            answered.add(balancer.next().map(a -> ((PortAnswer.Banner) a).text()).orElse("closed"));
        }
        return answered;
    }

    @Test
    void connectionsGoToEachRunningTaskInTurn() {
        MeshBalancer balancer = new MeshBalancer();
        balancer.use(List.of(task("web.1"), task("web.2"), task("web.3")));

        assertThat(next(balancer, 7)).containsExactly("web.1", "web.2", "web.3", "web.1", "web.2", "web.3", "web.1");
    }

    @Test
    void aTaskThatCannotAnswerIsPassedOver() {
        AtomicBoolean secondRuns = new AtomicBoolean(true);
        MeshBalancer balancer = new MeshBalancer();
        balancer.use(List.of(task("web.1"),
                () -> secondRuns.get() ? Optional.of(new PortAnswer.Banner("web.2", false)) : Optional.empty(), task("web.3")));
        assertThat(next(balancer, 2)).containsExactly("web.1", "web.2");

        secondRuns.set(false);

        assertThat(next(balancer, 4)).containsExactly("web.3", "web.1", "web.3", "web.1");
    }

    @Test
    void withNoTaskToAnswerTheConnectionIsClosed() {
        MeshBalancer balancer = new MeshBalancer();
        assertThat(next(balancer, 1)).containsExactly("closed");

        balancer.use(List.of(Optional::empty, Optional::empty));

        assertThat(next(balancer, 2)).containsExactly("closed", "closed");
    }

    @Test
    void newTasksTakeTheirTurnsOnceTheMeshKnowsThem() {
        MeshBalancer balancer = new MeshBalancer();
        balancer.use(List.of(task("web.1")));
        assertThat(next(balancer, 2)).containsExactly("web.1", "web.1");

        balancer.use(List.of(task("web.1"), task("web.2")));

        assertThat(next(balancer, 4)).containsOnly("web.1", "web.2").contains("web.1", "web.2");
    }
}
