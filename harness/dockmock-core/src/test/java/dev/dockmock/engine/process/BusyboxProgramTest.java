package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link BusyboxProgram} resolves, and how its shell reaches the engine's other programs. */
class BusyboxProgramTest {

    @ParameterizedTest
    @ValueSource(strings = {"echo", "/bin/echo", "/usr/bin/env", "/bin/sh", "sh", "ash", "bash", "[", "/usr/sbin/nc", "busybox"})
    void resolvesByNameOrPath(String program) {
        assertThat(Run.BUSYBOX.resolve("alpine:3.20", List.of(program))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "/usr/local/bin/echo", "/app/echo", "./echo", "exit", "export", "cd", "", "java"})
    void doesNotResolveWhatBusyboxLacks(String program) {
        assertThat(Run.BUSYBOX.resolve("alpine:3.20", List.of(program))).isEmpty();
        assertThat(Run.BUSYBOX.resolve("alpine:3.20", List.of())).isEmpty();
    }

    @Test
    void theShellRunsTheEnginesOtherProgramsFirst() {
        Program fixtures = (image, argv) -> switch (argv.get(0)) {
            case "myapp" -> Optional.of(io -> {
                io.stdout("myapp " + io.argv().subList(1, io.argv().size()) + " MODE=" + io.env().get("MODE") + "\n");
                return 5;
            });
            case "cat", "echo" -> Optional.of(io -> {
                io.stdout("fixture " + io.argv().get(0) + "\n");
                return 0;
            });
            default -> Optional.empty();
        };
        BusyboxProgram busybox = new BusyboxProgram(fixtures, Run.CLOCK);
        RecordingIo io = RecordingIo.of("sh", "-c", "MODE=test myapp a b; echo $?; cat; echo builtin; env myapp");
        int status = run(busybox, io);
        assertThat(io.out()).isEqualTo("myapp [a, b] MODE=test\n5\nfixture cat\nbuiltin\nmyapp [] MODE=null\n");
        assertThat(status).isEqualTo(5);
    }

    @Test
    void listsItsCommands() {
        assertThat(BusyboxProgram.commands()).contains("sh", "echo", "printf", "sleep", "cat", "env", "test", "[", "yes")
                .doesNotContain("exit", "export");
    }

    private static int run(BusyboxProgram busybox, RecordingIo io) {
        try {
            return busybox.resolve("alpine", io.argv()).orElseThrow().run(io);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
