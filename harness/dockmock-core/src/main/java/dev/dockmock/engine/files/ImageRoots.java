package dev.dockmock.engine.files;

import dev.dockmock.engine.images.Image;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The small, plausible root filesystem dockmock gives a registry image: the usual top-level
 * directories, a shell, and the files tests most often read ({@code /etc/os-release},
 * {@code /etc/hostname}, {@code /etc/hosts}, {@code /etc/passwd}). Alpine-like images get
 * busybox links, {@code /etc/alpine-release} and a {@code /etc/shadow} only root and the shadow
 * group may read (0640 root:shadow, as Alpine's); others a Debian-like or Ubuntu-like release file.
 */
public final class ImageRoots {

    private ImageRoots() {
    }

    /**
     * The root of {@code image}, timed at its creation. It depends only on what never changes for
     * an image (its source repository, its catalogue tags, its creation), so its layer's digest is
     * the same in every run.
     *
     * @param catalogueTags the tags the registry lists for the image ({@code 3.20.3}, {@code alpine})
     */
    public static FileTree rootOf(Image image, List<String> catalogueTags) {
        Instant at = image.created();
        String flavour = flavour(image.source(), catalogueTags);
        FileTree tree = FileTree.empty(at);
        if (flavour.equals("hello-world")) {
            tree.set("/hello", FileNode.file("dockmock: Hello from Docker!\n", 0755, at));
            return tree;
        }
        for (String dir : new String[] {"/bin", "/dev", "/etc", "/home", "/lib", "/mnt", "/opt", "/proc", "/run", "/sbin",
                "/srv", "/sys", "/usr/bin", "/usr/lib", "/usr/local/bin", "/usr/sbin", "/var/cache", "/var/lib", "/var/log"}) {
            tree.ensureDirectory(dir, at);
        }
        tree.set("/root", FileNode.directory(0700, at));
        tree.set("/tmp", FileNode.directory(01777, at));
        tree.set("/var/tmp", FileNode.directory(01777, at));
        tree.set("/etc/hostname", FileNode.file("localhost\n", 0644, at));
        tree.set("/etc/hosts", FileNode.file("127.0.0.1\tlocalhost localhost.localdomain\n::1\tlocalhost localhost.localdomain\n",
                0644, at));
        tree.set("/etc/group", FileNode.file("root:x:0:root\nnogroup:x:65534:\n", 0644, at));
        String shell = flavour.equals("alpine") || flavour.equals("busybox") ? "/bin/sh" : "/bin/bash";
        tree.set("/etc/passwd", FileNode.file("root:x:0:0:root:/root:" + shell + "\nnobody:x:65534:65534:nobody:/nonexistent:"
                + "/usr/sbin/nologin\n", 0644, at));
        switch (flavour) {
            case "alpine" -> {
                String version = image.source().equals("alpine") ? version(catalogueTags, "3.20.3") : "3.20.3";
                tree.set("/bin/busybox", FileNode.file("dockmock busybox\n", 0755, at));
                for (String applet : new String[] {"sh", "ls", "cat", "echo", "sleep"}) {
                    tree.set("/bin/" + applet, FileNode.symlink("/bin/busybox", at));
                }
                tree.set("/etc/alpine-release", FileNode.file(version + "\n", 0644, at));
                // as in Alpine: readable by root and the shadow group only, so a user can be shown a read refused
                tree.set("/etc/group", FileNode.file("root:x:0:root\nshadow:x:42:\nnogroup:x:65534:\n", 0644, at));
                FileNode shadow = FileNode.file("root:*::0:::::\nnobody:!::0:::::\n", 0640, at);
                tree.set("/etc/shadow", shadow.withOwner(0, 42));
                tree.set("/etc/os-release", FileNode.file("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + version
                        + "\nPRETTY_NAME=\"Alpine Linux v" + version.replaceAll("^(\\d+\\.\\d+).*", "$1")
                        + "\"\nHOME_URL=\"https://alpinelinux.org/\"\n", 0644, at));
            }
            case "busybox" -> {
                tree.set("/bin/busybox", FileNode.file("dockmock busybox\n", 0755, at));
                tree.set("/bin/sh", FileNode.symlink("busybox", at));
            }
            case "ubuntu" -> {
                tree.set("/bin/bash", FileNode.file("dockmock bash\n", 0755, at));
                tree.set("/bin/sh", FileNode.symlink("dash", at));
                tree.set("/bin/dash", FileNode.file("dockmock dash\n", 0755, at));
                tree.set("/etc/os-release", FileNode.file("PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\n"
                        + "VERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n", 0644, at));
            }
            default -> {
                tree.set("/bin/bash", FileNode.file("dockmock bash\n", 0755, at));
                tree.set("/bin/sh", FileNode.symlink("dash", at));
                tree.set("/bin/dash", FileNode.file("dockmock dash\n", 0755, at));
                tree.set("/etc/debian_version", FileNode.file("12.8\n", 0644, at));
                tree.set("/etc/os-release", FileNode.file("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                        + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n", 0644, at));
            }
        }
        return tree;
    }

    private static String flavour(String source, List<String> tags) {
        String names = (source + " " + String.join(" ", tags)).toLowerCase(Locale.ROOT);
        for (String flavour : new String[] {"hello-world", "alpine", "busybox", "ubuntu"}) {
            if (names.contains(flavour)) {
                return flavour;
            }
        }
        return "debian";
    }

    private static String version(List<String> tags, String fallback) {
        return tags.stream()
                .filter(t -> t.matches("\\d+\\.\\d+\\.\\d+")).findFirst().orElse(fallback);
    }
}
