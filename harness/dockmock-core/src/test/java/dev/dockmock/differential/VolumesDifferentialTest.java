package dev.dockmock.differential;


import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.testing.DockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Volumes holding files, the same docker CLI commands against a real dockerd and dockmock (see
 * {@link DockerdDifferentialTest} for how the two are started and compared; skipped without a
 * real dockerd). Only what both "alpine" images have alike is compared: the real one is a
 * busybox rootfs, so listings of image directories are avoided, and {@code /root} (0700 in both)
 * shows the copy-up of the image's files and mode.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VolumesDifferentialTest extends BothServersTest {
    private static final String[] NO_NET = {"--network", "none"};


    /** {@code run --rm --network none <parts...>}, with {@code String[]} parts spliced in. */
    private static String[] run(Object... parts) {
        return Differential.args("run", "--rm", NO_NET, Differential.args(parts));
    }

    @Test
    void containersShareAVolumesFiles() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("vda");
            s.removeVolumeAtEnd("vd1");
            s.run("volume", "create", "vd1");
            s.run(run("-v", "vd1:/data", "alpine", "sh", "-c", "echo hi > /data/f"));
            s.run(run("-v", "vd1:/data", "alpine", "cat", "/data/f"));
            s.run("run", "-d", "--name", "vda", "--network", "none", "-v", "vd1:/data", "alpine", "sleep", "100");
            s.run(run("-v", "vd1:/data:ro", "alpine", "sh", "-c", "echo x > /data/g"));
            s.run("exec", "vda", "ls", "/data");
            s.run("exec", "vda", "sh", "-c", "echo from-a >> /data/f; ls -ld /data | cut -c1-10");
            s.run(run("-v", "vd1:/mnt/v", "alpine", "cat", "/mnt/v/f"));
            s.run("volume", "rm", "vd1");
            s.run("rm", "-f", "vda");
            s.run("volume", "rm", "vd1");
            s.run("volume", "create", "vd1");
            s.run(run("-v", "vd1:/data", "alpine", "ls", "-A", "/data"));
        });
    }

    @Test
    void dockerCpGoesThroughTheMountAndDiffAndExportLeaveTheVolumeOut() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("vdb");
            s.removeVolumeAtEnd("vd2");
            Path in = Files.writeString(s.scratch().resolve("local.txt"), "copied in\n");
            Path out = Files.createDirectories(s.scratch().resolve("out"));
            s.run("run", "-d", "--name", "vdb", "--network", "none", "-v", "vd2:/data", "alpine", "sleep", "100");
            s.run("cp", in.toString(), "vdb:/data/local.txt");
            s.run(run("-v", "vd2:/data", "alpine", "cat", "/data/local.txt"));
            s.run(run("-v", "vd2:/data", "alpine", "sh", "-c", "mkdir /data/d && echo deep > /data/d/f"));
            s.run("cp", "vdb:/data/d", out.toString());
            Path copied = out.resolve("d/f");
            s.note("cat <scratch>/out/d/f", Files.exists(copied) ? Files.readString(copied) : "(missing)\n");
            s.run(VolumesDifferentialTest::sortedLines, "diff", "vdb");
            s.run("exec", "vdb", "sh", "-c", "echo rootfs > /tmp/t");
            s.run(VolumesDifferentialTest::sortedLines, "diff", "vdb");
            s.removeAtEnd("vdc");
            s.run("run", "-d", "--name", "vdc", "--network", "none", "-v", "vd2:/data:ro", "alpine", "sleep", "100");
            s.run("cp", in.toString(), "vdc:/data/refused.txt");
            Path tar = s.scratch().resolve("vdb.tar");
            s.run("export", "-o", tar.toString(), "vdb");
            s.note("export: members below data", members(tar));
        });
    }

    @Test
    void commitLeavesTheVolumeOut() throws Exception {
        servers.assertSame(s -> {
            s.removeAtEnd("vde");
            s.removeVolumeAtEnd("vd8");
            s.run("run", "--name", "vde", "--network", "none", "-v", "vd8:/data", "alpine", "sh", "-c",
                    "echo kept > /root/r; echo shared > /data/f");
            s.run("commit", "vde", "vd-snap");
            s.run(run("vd-snap", "sh", "-c", "cat /root/r; ls -A /data"));
            s.run(run("-v", "vd8:/data", "vd-snap", "cat", "/data/f"));
            s.run("rm", "vde");
            s.run(text -> "", "rmi", "vd-snap");
        });
    }

    @Test
    void aNewVolumeIsFilledFromTheImageOnce() throws Exception {
        servers.assertSame(s -> {
            for (String volume : new String[] {"vd3", "vd4", "vd5", "vd6"}) {
                s.removeVolumeAtEnd(volume);
            }
            s.run(run("-v", "vd3:/root", "alpine", "true"));
            s.run(run("-v", "vd3:/data", "alpine", "sh", "-c", "ls -ld /data | cut -c1-10; ls -A /data"));
            s.run(run("--mount", "type=volume,src=vd4,dst=/etc", "alpine", "sh", "-c", "test -f /etc/passwd && echo passwd"));
            s.run(run("-v", "vd4:/data", "alpine", "sh", "-c", "test -f /data/passwd && echo copied"));
            s.run(run("--mount", "type=volume,src=vd5,dst=/root,volume-nocopy", "alpine", "sh", "-c", "ls -ld /root | cut -c1-10"));
            s.run(run("-v", "vd6:/data", "alpine", "sh", "-c", "echo mine > /data/x"));
            s.run(run("-v", "vd6:/root", "alpine", "sh", "-c", "ls -ld /root | cut -c1-10; ls -A /root"));
            s.run(run("-v", "/root", "alpine", "sh", "-c", "ls -ld /root | cut -c1-10"));
        });
    }

    @Test
    void systemDfSizesAVolumeByItsFiles() throws Exception {
        servers.assertSame(s -> {
            s.removeVolumeAtEnd("vd7");
            s.run(run("-v", "vd7:/data", "alpine", "sh", "-c", "printf abc > /data/f; mkdir /data/d; printf 1234567 > /data/d/g;"
                    + " ln -s f /data/l"));
            DockerCli.Result df = s.run(text -> "", "system", "df", "-v");
            String line = df.stdout().lines().filter(l -> l.startsWith("vd7 ")).findFirst().orElse("(no line for vd7)");
            // the generic masks hide human sizes, so the size is noted in words
            s.note("system df -v: vd7", line.replaceAll("\\s+", " ").replaceAll("(\\d+)B$", "$1 bytes") + "\n");
        });
    }

    /** dockerd lists changes in its overlay directories' order, which varies from run to run. */
    private static String sortedLines(String text) {
        return text.lines().sorted().map(line -> line + "\n").collect(Collectors.joining());
    }

    /** The members of the archive at or below {@code data}, one a line, sorted. */
    private static String members(Path tar) throws Exception {
        if (!Files.exists(tar)) {
            return "(no archive)\n";
        }
        return TarReader.read(Files.readAllBytes(tar)).stream().map(TarEntry::name)
                .filter(n -> n.equals("data") || n.startsWith("data/")).sorted().collect(Collectors.joining("\n", "", "\n"));
    }
}
