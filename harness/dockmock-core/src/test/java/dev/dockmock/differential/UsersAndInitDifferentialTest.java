package dev.dockmock.differential;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --user}, {@code exec -u} and {@code --init}, the same docker CLI commands against a real dockerd and
 * dockmock (see {@link DockerdDifferentialTest}; skipped without a real dockerd). Both "alpine"
 * images have the same {@code /etc/passwd} and {@code /etc/group} (root, nobody, nogroup).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UsersAndInitDifferentialTest extends BothServersTest {
    private static final String PROBE = "id; whoami; echo HOME=$HOME; touch /tmp/f && stat -c '%u %g' /tmp/f; "
            + "echo x > /etc/y; mkdir /etc/d; rm /etc/passwd; chmod 777 /tmp; echo end";


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

    @Test
    void readAndSearchPermission() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("rp");
            s.run("run", "-d", "--name", "rp", "--network", "none", "alpine", "sleep", "100");
            // the reference image has no /etc/shadow: both get the same one
            s.run("exec", "rp", "sh", "-c", "echo secret > /etc/shadow && chmod 640 /etc/shadow && chgrp 42 /etc/shadow"
                    + " && mkdir -p /d /s/open && echo x > /d/f && chmod 700 /d /s && chmod 777 /s/open"
                    + " && echo 'echo $0 $1' > /s.sh && cp /s.sh /open.sh && chmod 600 /s.sh && chmod 711 /open.sh");
            s.run("exec", "-u", "1000", "rp", "sh", "-c", "cat /etc/shadow; head /etc/shadow; wc /etc/shadow; grep x /etc/shadow;"
                    + " cat < /etc/shadow; echo $?; ls /root; ls -l /root; cat /d/f /d/nope; ls -l /d/f; rm /d/f; stat /d/f;"
                    + " echo x > /s/open/f; touch /s/open/g; echo end");
            s.run("exec", "-u", "1000", "rp", "sh", "-c", "for t in '-r /etc/shadow' '-w /etc/shadow' '-r /etc/passwd'"
                    + " '-x /open.sh' '-x /s.sh' '-r /tmp' '-w /etc' '-x /root' '-e /d/f'; do test $t; printf %s $?; done");
            s.run("exec", "rp", "sh", "-c", "for t in '-r /etc/shadow' '-x /s.sh' '-x /root'; do test $t; printf %s $?; done");
            s.run("exec", "-u", "1000:42", "rp", "cat", "/etc/shadow");
            s.run("exec", "-u", "1000", "rp", "sh", "/s.sh");
            s.run("exec", "-u", "1000", "rp", "sh", "/open.sh", "a");
        });
    }

    @Test
    void everyReaderSaysPermissionDenied() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("rq");
            s.run("run", "-d", "--name", "rq", "--network", "none", "alpine", "sleep", "100");
            s.run("exec", "rq", "sh", "-c", "echo secret > /etc/shadow && chmod 600 /etc/shadow && mkdir -p /t/a /t/b"
                    + " && echo y > /t/a/y && echo z > /t/b/z && chmod 700 /t/a && chmod 600 /t/b/z");
            s.run("exec", "-u", "1000", "rq", "sh", "-c", "for c in cat head tail wc 'grep x' sort md5sum sha256sum cut\\ -c1"
                    + " 'sed p' 'awk 1' od uniq tac 'gzip -c' 'cmp /etc/passwd' 'diff /etc/passwd'; do $c /etc/shadow;"
                    + " echo \"$c $?\"; done; dd if=/etc/shadow; echo dd $?; cp /etc/shadow /tmp; echo cp $?");
            s.run("exec", "-u", "1000", "rq", "sh", "-c", "du /t; echo $?; tar cf /tmp/t.tar /t 2>/tmp/err; echo $?;"
                    + " sort /tmp/err; tar tf /tmp/t.tar | sort"); // busybox walks in directory order, dockmock in name order
        });
    }

    @Test
    void initIsPidOneAndTheCommandDiesOfSignalsPidOneIgnores() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("ia");
            s.removeAtEnd("ib");
            // the child's pid varies under runc (6 or 7); dockmock gives 7, the pid a first exec gets
            s.run("run", "--rm", "--network", "none", "--init", "alpine", "ps", "-o", "ppid,args");
            s.run("run", "-d", "--name", "ia", "--network", "none", "--init", "alpine", "sleep", "100");
            s.run("stop", "ia");
            s.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "ia");
            s.run("run", "-d", "--name", "ib", "--network", "none", "--init", "alpine", "sh", "-c", "sleep 100");
            s.run("kill", "-s", "INT", "ib");
            s.run("wait", "ib");
        });
    }
}
