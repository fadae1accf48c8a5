package dev.dockmock.engine.process;

import dev.dockmock.engine.files.FileNode;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ps} over a container's process table. Column widths are busybox 1.35's: this machine's
 * busybox (built without the TIME column) shows them with {@code busybox ps -o pid,ppid,user,comm,args}
 * ({@code PID   PPID  USER     COMMAND          COMMAND} / {@code     1     0 root     init ...});
 * Alpine's adds {@code TIME} ({@code  0:00}, five wide) before {@code COMMAND} by default.
 */
class PsAppletTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HEADER = "PID   USER     TIME  COMMAND\n";

    private static ProcessFiles files() {
        FileTree tree = FileTree.empty(T);
        tree.set("/etc/passwd", FileNode.file("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n", 0644, T));
        return ProcessFileView.of(tree, Run.CLOCK, false);
    }

    @Test
    void aProcessAloneSeesItselfAsPidOne() {
        // docker run --rm alpine ps
        Run.of(RecordingIo.of("ps")).is(HEADER + "    1 root      0:00 ps\n", "", 0);
        // ash execs sh -c's last command in its own place:
        // busybox sh -c 'true; busybox ps -o pid,ppid,args' shows ps with the shell's parent, no shell
        Run.sh("ps").is(HEADER + "    1 root      0:00 ps\n", "", 0);
        Run.sh("true; ps").is(HEADER + "    1 root      0:00 ps\n", "", 0);
        Run.sh("if true; then ps -o pid,args; fi").is("PID   COMMAND\n    1 ps -o pid,args\n", "", 0);
        Run.sh("false || ps -o pid,args").is("PID   COMMAND\n    1 ps -o pid,args\n", "", 0);
        // busybox sh -c 'busybox ps -o pid,ppid,args; true' shows the shell and ps as its child
        Run.sh("ps -o pid,ppid,args; true")
                .is("PID   PPID  COMMAND\n    1     0 sh -c ps -o pid,ppid,args; true\n    7     1 ps -o pid,ppid,args\n", "", 0);
    }

    @Test
    void anExecSeesTheMainProcessAndItself() {
        ContainerProcesses container = new ContainerProcesses(List.of("sleep", "1000"), "");
        try (ProcessList.Child exec = container.exec(List.of("ps", "-o", "pid,ppid,user,comm,args"), "1000")) {
            Run.of(RecordingIo.of("ps", "-o", "pid,ppid,user,comm,args").withFiles(files()).withProcesses(exec.list())).is("""
                    PID   PPID  USER     COMMAND          COMMAND
                        1     0 root     sleep            sleep 1000
                        7     0 app      ps               ps -o pid,ppid,user,comm,args
                    """, "", 0);
        }
        try (ProcessList.Child exec = container.exec(List.of("ps", "aux"), "")) {
            Run.of(RecordingIo.of("ps", "aux").withProcesses(exec.list()))
                    .is(HEADER + "    1 root      0:00 sleep 1000\n    8 root      0:00 ps aux\n", "", 0);
        }
        // the execs that ended are gone
        try (ProcessList.Child exec = container.exec(List.of("ps", "-ef"), "nobody:nogroup")) {
            Run.of(RecordingIo.of("ps", "-ef").withProcesses(exec.list()))
                    .is(HEADER + "    1 root      0:00 sleep 1000\n    9 nobody    0:00 ps -ef\n", "", 0);
        }
    }

    @Test
    void columnsHeadersAndBadOptions() {
        // busybox ps -o user,pid | head -2; busybox ps -o pid,comm | head -2
        Run.of(RecordingIo.of("ps", "-o", "user,pid")).is("USER     PID\nroot         1\n", "", 0);
        Run.of(RecordingIo.of("ps", "-opid,comm")).is("PID   COMMAND\n    1 ps\n", "", 0);
        Run.of(RecordingIo.of("ps", "-o", "pid=ID,args")).is("ID    COMMAND\n    1 ps -o pid=ID,args\n", "", 0);
        // busybox ps -x; busybox ps -o pid,foo
        Run.of(RecordingIo.of("ps", "-x")).is("", "ps: invalid option -- 'x'\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n", 1);
        Run.of(RecordingIo.of("ps", "-o", "pid,foo")).is("", "ps: bad -o argument 'foo', supported arguments: "
                + "user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n", 1);
    }
}
