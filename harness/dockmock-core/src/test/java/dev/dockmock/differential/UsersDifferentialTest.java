package dev.dockmock.differential;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --user} and {@code exec -u}, the same docker CLI commands against a real dockerd and
 * dockmock (see {@link DockerdDifferentialTest}; skipped without a real dockerd). Both "alpine"
 * images have the same {@code /etc/passwd} and {@code /etc/group} (root, nobody, nogroup).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UsersDifferentialTest {
    private static final String PROBE = "id; whoami; echo HOME=$HOME; touch /tmp/f && stat -c '%u %g' /tmp/f; "
            + "echo x > /etc/y; mkdir /etc/d; rm /etc/passwd; chmod 777 /tmp; echo end";

    private static Differential servers;

    @BeforeAll
    static void startBothServers() throws Exception {
        servers = Differential.startOrSkip();
    }

    @AfterAll
    static void stopBothServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void usersNamedNumberedAndWithGroups() throws Exception {
        servers.assertSame(s -> {
            for (String user : new String[] {"nobody", "1000", "1000:1000", "nobody:root", "0:65534", "nosuch", "nobody:nosuch"}) {
                s.run("run", "--rm", "--network", "none", "--user", user, "alpine", "sh", "-c", PROBE);
            }
        });
    }

    @Test
    void execUsers() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("ux");
            s.run("run", "-d", "--name", "ux", "--network", "none", "--user", "nobody", "alpine", "sleep", "100");
            s.run("exec", "ux", "sh", "-c", "id; echo $HOME");
            s.run("exec", "-u", "root", "ux", "sh", "-c", "id -un; echo $HOME");
            s.run("exec", "-u", "0:65534", "ux", "id", "-G");
            s.run("exec", "-u", "nosuch", "ux", "id");
        });
    }
}
