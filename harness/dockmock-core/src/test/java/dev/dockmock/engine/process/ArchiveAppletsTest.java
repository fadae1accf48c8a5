package dev.dockmock.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.files.ProcessFileView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code gzip}, {@code gunzip}, {@code zcat} and {@code tar} over a container's files, with the
 * outputs and messages busybox 1.35 gave for the same commands in a scratch directory.
 */
class ArchiveAppletsTest {
    private final FileTree tree = FileTree.empty(Instant.parse("2026-01-01T00:00:00Z"));

    private Run sh(String script) {
        return Run.sh(tree, "mkdir -p /w/src/sub && cd /w && echo one > src/one.txt && echo two > src/sub/two.txt; " + script, false);
    }

    @Test
    void gzipReplacesTheFileAndGunzipRestoresIt() {
        sh("echo hello > a.txt && gzip a.txt && ls && zcat a.txt.gz && gunzip a.txt.gz && ls && cat a.txt")
                .is("a.txt.gz\nsrc\nhello\na.txt\nsrc\nhello\n", "", 0);
        sh("gzip -k src/one.txt && ls src && gzip src/one.txt").is("one.txt\none.txt.gz\nsub\n",
                "gzip: can't open 'src/one.txt.gz': File exists\n", 1);
        sh("gzip -f src/one.txt && gunzip -c src/one.txt.gz && gzip -d src/one.txt.gz && ls src").is("one\none.txt\nsub\n", "", 0);
    }

    @Test
    void gzipWritesWhatBusyboxWrites() {
        sh("echo hello | gzip | base64; echo hello | gzip | gunzip").is("H4sIAAAAAAAAA8tIzcnJ5wIAIDA6NgYAAAA=\nhello\n", "", 0);
    }

    @Test
    void gzipComplaints() {
        assertAll(
                () -> sh("gzip nosuch").is("", "gzip: nosuch: No such file or directory\n", 1),
                () -> sh("echo x > b.gz; gunzip b.gz").is("", "gunzip: invalid magic\n", 1),
                () -> sh("printf abc | gunzip").is("", "gunzip: invalid magic\n", 1),
                () -> sh("echo x > c; gunzip c").is("", "gunzip: c: unknown suffix - ignored\n", 1),
                () -> sh("zcat nosuch.gz").is("", "zcat: nosuch.gz: No such file or directory\n", 1),
                () -> sh("echo hello | gzip | head -c 15 | gunzip").is("", "gunzip: unexpected end of file\n", 1));
    }

    @Test
    void tarCreatesListsAndExtracts() {
        sh("tar cf t.tar src && tar tf t.tar").is("src/\nsrc/one.txt\nsrc/sub/\nsrc/sub/two.txt\n", "", 0);
        sh("tar czf t.tgz -C src . && tar tzf t.tgz && mkdir out && tar xzf t.tgz -C out && find out && cat out/sub/two.txt")
                .is("./\n./one.txt\n./sub/\n./sub/two.txt\nout\nout/one.txt\nout/sub\nout/sub/two.txt\ntwo\n", "", 0);
        sh("tar -cf - src/one.txt | tar t; tar cf t.tar src; tar xf t.tar src/one.txt -O; tar -x -f t.tar -C / && cat /src/one.txt")
                .is("src/one.txt\none\none\n", "", 0);
    }

    @Test
    void tarVerboseListingAndLinks() {
        sh("cd src && ln -s one.txt link && tar cvf ../t.tar one.txt link && tar tvf ../t.tar").is("one.txt\nlink\n"
                + "-rw-r--r-- root/root         4 2026-11-05 09:03:07 one.txt\n"
                + "lrwxrwxrwx root/root         0 2026-11-05 09:03:07 link -> one.txt\n", "", 0);
        sh("tar cf abs.tar /w/src/one.txt && tar tf abs.tar").is("w/src/one.txt\n",
                "tar: removing leading '/' from member names\n", 0);
    }

    /** Debian's busybox 1.35 is built without {@code --exclude}; Alpine's has it: this is its documented meaning. */
    @Test
    void tarLeavesOutWhatIsExcluded() {
        sh("tar cf t.tar --exclude '*.txt' src && tar tf t.tar; tar cf t.tar --exclude=sub src && tar tf t.tar")
                .is("src/\nsrc/sub/\nsrc/\nsrc/one.txt\n", "", 0);
    }

    @Test
    void tarComplaints() {
        assertAll(
                () -> sh("tar xf nosuch.tar").is("", "tar: can't open 'nosuch.tar': No such file or directory\n", 1),
                () -> sh("tar cf x.tar nosuch").is("", "tar: nosuch: No such file or directory\n"
                        + "tar: error exit delayed from previous errors\n", 1),
                () -> sh("tar cf t.tar src; tar tf t.tar nosuch").is("", "tar: nosuch: not found in archive\n", 1),
                () -> sh("tar tf src/one.txt").is("", "tar: short read\n", 1),
                () -> sh("tar cf empty.tar").is("", "tar: empty archive\n", 1),
                () -> sh("tar cf t.tar src; tar xf t.tar -C nodir").is("",
                        "tar: can't change directory to 'nodir': No such file or directory\n", 1),
                () -> assertThat(sh("tar").err()).startsWith("Usage: tar c|x|t"));
    }

    @Test
    void timeoutEndsTheProgramWithItsSignal() {
        assertAll(
                () -> Run.sh("timeout 0.2 sleep 5; echo $?").is("143\n", "", 0),
                () -> Run.sh("timeout -s KILL 0.2 sleep 5; echo $?").is("137\n", "", 0),
                () -> Run.sh("timeout -s INT 0.2 sleep 5; echo $?").is("130\n", "", 0),
                () -> Run.sh("timeout 2 sh -c 'echo in; exit 4'; echo $?").is("in\n4\n", "", 0),
                () -> Run.sh("timeout 1 nosuch").is("", "timeout: can't execute 'nosuch': No such file or directory\n", 127),
                () -> Run.sh("timeout x sleep 1").is("", "timeout: invalid number 'x'\n", 1),
                () -> Run.sh("timeout -s FOO 1 true").is("", "timeout: unknown signal 'FOO'\n", 1),
                () -> Run.sh("usleep 1000 && usleep x").is("", "usleep: invalid number 'x'\n", 1));
    }
}
