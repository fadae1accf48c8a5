package dev.dockmock.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A recorder killed with SIGKILL leaves a cassette holding every interaction it finished. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KillNineTest {
    @TempDir
    Path dir;

    /** The child: appends interactions until it is killed, saying "done N" after each. */
    public static void main(String[] args) throws Exception {
        try (CassetteWriter writer = CassetteWriter.create(Path.of(args[0]), "kill -9 test")) {
            for (int id = 1; ; id++) {
                writer.append(Samples.create(id, "alpine:" + id));
                System.out.println("done " + id);
                System.out.flush();
            }
        }
    }

    @Test
    void everyCompletedInteractionSurvives() throws Exception {
        Path file = dir.resolve("killed.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillNineTest.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 20 && (line = out.readLine()) != null) {
                if (line.startsWith("done ")) {
                    acknowledged = Integer.parseInt(line.substring(5));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        Cassette cassette = Cassette.load(file);

        assertThat(acknowledged).isEqualTo(20);
        List<Interaction> kept = cassette.interactions();
        assertThat(kept.size()).isGreaterThanOrEqualTo(acknowledged);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).id()).isEqualTo(i + 1);
        }
    }
}
