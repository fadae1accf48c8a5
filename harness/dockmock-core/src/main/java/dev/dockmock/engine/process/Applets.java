package dev.dockmock.engine.process;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The busybox applets by name, and where an Alpine image keeps them. */
final class Applets {

    /** An applet: a {@link Behaviour} that may run other programs through the table. */
    @FunctionalInterface
    interface Applet {
        int run(ProcessIo io, CommandTable commands) throws InterruptedException;
    }

    private static final Applet SUCCEED = (io, commands) -> 0;

    private static final Map<String, Applet> ALL = Map.ofEntries(
            Map.entry("sh", Shell::run), Map.entry("ash", Shell::run), Map.entry("bash", Shell::run),
            Map.entry("echo", (io, commands) -> TextApplets.echo(io)),
            Map.entry("printf", (io, commands) -> Printf.run(io)),
            Map.entry("true", SUCCEED), Map.entry("false", (io, commands) -> 1),
            Map.entry("sleep", (io, commands) -> MiscApplets.sleep(io)),
            Map.entry("yes", (io, commands) -> TextApplets.yes(io)),
            Map.entry("seq", (io, commands) -> TextApplets.seq(io)),
            Map.entry("basename", (io, commands) -> TextApplets.basename(io)),
            Map.entry("dirname", (io, commands) -> TextApplets.dirname(io)),
            Map.entry("cat", (io, commands) -> StreamApplets.cat(io)),
            Map.entry("head", (io, commands) -> StreamApplets.head(io)),
            Map.entry("tail", (io, commands) -> StreamApplets.tail(io)),
            Map.entry("wc", (io, commands) -> WcApplet.run(io)),
            Map.entry("tee", (io, commands) -> TeeApplet.tee(io)),
            Map.entry("touch", (io, commands) -> FileApplets.touch(io)),
            Map.entry("mkdir", (io, commands) -> FileApplets.mkdir(io)),
            Map.entry("rm", (io, commands) -> FileApplets.rm(io)),
            Map.entry("rmdir", (io, commands) -> RmdirApplet.run(io)),
            Map.entry("cut", (io, commands) -> CutApplet.run(io)),
            Map.entry("grep", (io, commands) -> GrepApplet.run(io)),
            Map.entry("sort", (io, commands) -> SortApplet.sort(io)),
            Map.entry("uniq", (io, commands) -> SortApplet.uniq(io)),
            Map.entry("tr", (io, commands) -> TrApplet.run(io)),
            Map.entry("sed", (io, commands) -> SedApplet.run(io)),
            Map.entry("cp", (io, commands) -> CopyApplets.cp(io)),
            Map.entry("mv", (io, commands) -> CopyApplets.mv(io)),
            Map.entry("md5sum", (io, commands) -> HashApplets.sum(io, "MD5")),
            Map.entry("sha1sum", (io, commands) -> HashApplets.sum(io, "SHA-1")),
            Map.entry("sha256sum", (io, commands) -> HashApplets.sum(io, "SHA-256")),
            Map.entry("sha512sum", (io, commands) -> HashApplets.sum(io, "SHA-512")),
            Map.entry("base64", (io, commands) -> HashApplets.base64(io)),
            Map.entry("find", (io, commands) -> PathApplets.find(io)),
            Map.entry("mktemp", (io, commands) -> PathApplets.mktemp(io)),
            Map.entry("tac", (io, commands) -> MoreTextApplets.tac(io)),
            Map.entry("rev", (io, commands) -> MoreTextApplets.rev(io)),
            Map.entry("nproc", (io, commands) -> MoreTextApplets.nproc(io)),
            Map.entry("expr", (io, commands) -> MoreTextApplets.expr(io)),
            Map.entry("xargs", XargsApplet::run),
            Map.entry("awk", AwkApplet::run),
            Map.entry("ln", (io, commands) -> LinkApplets.ln(io)),
            Map.entry("readlink", (io, commands) -> LinkApplets.readlink(io)),
            Map.entry("env", SystemApplets::env),
            Map.entry("printenv", (io, commands) -> SystemApplets.printenv(io)),
            Map.entry("hostname", (io, commands) -> SystemApplets.hostname(io)),
            Map.entry("pwd", (io, commands) -> SystemApplets.print(io, io.workingDir())),
            Map.entry("id", (io, commands) -> IdApplets.id(io)),
            Map.entry("whoami", (io, commands) -> IdApplets.whoami(io)),
            Map.entry("uname", (io, commands) -> SystemApplets.uname(io)),
            Map.entry("which", SystemApplets::which),
            Map.entry("date", DateApplet::run),
            Map.entry("test", (io, commands) -> TestApplet.run(io)),
            Map.entry("[", (io, commands) -> TestApplet.run(io)),
            Map.entry("[[", (io, commands) -> TestApplet.run(io)),
            Map.entry("nc", (io, commands) -> MiscApplets.nc(io)),
            Map.entry("wget", (io, commands) -> WgetApplet.run(io)),
            Map.entry("timeout", TimeoutApplet::run),
            Map.entry("usleep", (io, commands) -> TimeoutApplet.usleep(io)),
            Map.entry("gzip", (io, commands) -> GzipApplet.run(io)),
            Map.entry("gunzip", (io, commands) -> GzipApplet.run(io)),
            Map.entry("zcat", (io, commands) -> GzipApplet.run(io)),
            Map.entry("tar", (io, commands) -> TarApplet.run(io)),
            Map.entry("diff", (io, commands) -> DiffApplet.run(io)),
            Map.entry("od", (io, commands) -> OdApplet.run(io)),
            Map.entry("cmp", (io, commands) -> CompareApplets.cmp(io)),
            Map.entry("comm", (io, commands) -> CompareApplets.comm(io)),
            Map.entry("paste", (io, commands) -> LayoutApplets.paste(io)),
            Map.entry("nl", (io, commands) -> LayoutApplets.nl(io)),
            Map.entry("fold", (io, commands) -> LayoutApplets.fold(io)),
            Map.entry("dd", (io, commands) -> DdApplet.dd(io)),
            Map.entry("truncate", (io, commands) -> DdApplet.truncate(io)),
            Map.entry("realpath", (io, commands) -> LinkApplets.realpath(io)),
            Map.entry("ls", LsApplet::run),
            Map.entry("chmod", (io, commands) -> ChmodApplet.run(io)),
            Map.entry("chown", (io, commands) -> ChownApplet.run(io, false)),
            Map.entry("chgrp", (io, commands) -> ChownApplet.run(io, true)),
            Map.entry("ps", (io, commands) -> PsApplet.run(io)),
            Map.entry("stat", (io, commands) -> StatApplet.run(io)),
            Map.entry("du", (io, commands) -> DuApplet.run(io)),
            Map.entry("df", (io, commands) -> MountApplets.df(io)),
            Map.entry("mount", (io, commands) -> MountApplets.mount(io)),
            Map.entry("busybox", MiscApplets::busybox),
            Map.entry("stty", (io, commands) -> SttyApplet.run(io)),
            Map.entry("kill", SUCCEED));

    /** Applets Alpine links in /bin; the others are in /usr/bin. */
    private static final Set<String> IN_BIN = Set.of("sh", "ash", "base64", "cat", "chgrp", "chmod", "chown", "cp", "date",
            "echo", "false", "grep", "hostname", "kill", "ln", "ls", "mkdir", "mktemp", "mv", "ps", "pwd", "rm", "rmdir", "sed", "sleep",
            "stat", "touch", "true", "uname", "busybox", "usleep", "gzip", "gunzip", "zcat", "tar", "dd", "stty");
    private static final Set<String> DIRECTORIES = Set.of("/bin", "/sbin", "/usr/bin", "/usr/sbin");

    private Applets() {
    }

    /**
     * The applet for a bare name, or for a path in one of the usual binary directories (any of
     * them: images differ in where they link each applet).
     */
    static Optional<Applet> find(String nameOrPath) {
        int slash = nameOrPath.lastIndexOf('/');
        if (slash >= 0 && !DIRECTORIES.contains(slash == 0 ? "/" : nameOrPath.substring(0, slash))) {
            return Optional.empty();
        }
        return Optional.ofNullable(ALL.get(nameOrPath.substring(slash + 1)));
    }

    static Optional<String> path(String name) {
        if (!ALL.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of((name.equals("bash") ? "/bin/" : IN_BIN.contains(name) ? "/bin/" : "/usr/bin/") + name);
    }

    static Set<String> names() {
        return new TreeSet<>(ALL.keySet());
    }

    /** The applet's name as busybox uses it in messages: the last part of {@code argv[0]}. */
    static String name(ProcessIo io) {
        String program = io.argv().get(0);
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
