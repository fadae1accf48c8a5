package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.VolumeMount;
import dev.dockmock.engine.process.Filesystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A container's {@code /proc/mounts} in dockerd's shape (runc's default mounts on an overlay2
 * root with cgroup v2, then the binds, volumes, tmpfs mounts and the daemon's files, shallowest
 * first, then the masked {@code /proc} paths), with sizes for {@code df}: a made-up 64 GiB disk
 * for the root, volumes and the daemon's files, its use counted from the trees as {@code du}
 * counts it; a host bind's own filesystem's figures; a tmpfs's size option (half of the engine's
 * 8 GiB of memory by default) and its tree's use. Called with the engine's lock held.
 */
final class MountTable {
    /** The made-up disk behind the root, the volumes and the daemon's files, in 1 KiB blocks. */
    static final long DISK_BLOCKS = 64L * 1024 * 1024;
    private static final long SHM_BLOCKS = 65536;
    private static final long DEFAULT_TMPFS_BLOCKS = 4L * 1024 * 1024;
    private static final String DISK = "/dev/sda1";
    private static final String PROC = "rw,nosuid,nodev,noexec,relatime";
    private static final String PROC_RO = "ro,nosuid,nodev,noexec,relatime";

    private MountTable() {
    }

    static List<Filesystem> of(FileSystems files, Container container) {
        ContainerFiles own = files.of(container);
        boolean readOnlyRoot = container.spec().hostConfig().path("ReadonlyRootfs").asBoolean(false);
        String dir = "/var/lib/docker/overlay2/" + container.id();
        List<Filesystem> table = new ArrayList<>();
        table.add(new Filesystem("overlay", "/", "overlay", (readOnlyRoot ? "ro" : "rw") + ",relatime,lowerdir="
                + "/var/lib/docker/overlay2/l/" + container.id().substring(0, Math.min(26, container.id().length())).toUpperCase(java.util.Locale.ROOT)
                + ",upperdir=" + dir + "/diff,workdir=" + dir + "/work", DISK_BLOCKS, used(own.tree()), 0, "overlay"));
        table.add(pseudo("proc", "/proc", "proc", PROC));
        table.add(new Filesystem("tmpfs", "/dev", "tmpfs", "rw,nosuid,size=65536k,mode=755", SHM_BLOCKS, 0, 0, "tmpfs:/dev"));
        table.add(pseudo("devpts", "/dev/pts", "devpts", "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666"));
        table.add(pseudo("sysfs", "/sys", "sysfs", PROC_RO));
        table.add(pseudo("cgroup", "/sys/fs/cgroup", "cgroup2", PROC_RO));
        table.add(pseudo("mqueue", "/dev/mqueue", "mqueue", PROC));
        table.add(new Filesystem("shm", "/dev/shm", "tmpfs", PROC + ",size=65536k", SHM_BLOCKS, 0, 0, "tmpfs:/dev/shm"));
        List<Filesystem> mounted = new ArrayList<>();
        for (VolumeMount volume : container.volumeMounts()) {
            long used = files.volumeFiles(volume.name()).map(MountTable::used).orElse(0L);
            mounted.add(disk(volume.destination(), volume.readWrite(), DISK_BLOCKS, used));
        }
        PathTree processTree = files.processTree(container);
        for (BindOrTmpfs mount : BindOrTmpfs.of(container)) {
            Optional<FileNode> root = processTree.get(mount.destination());
            if (mount.tmpfs()) {
                long blocks = mount.sizeBytes() > 0 ? (mount.sizeBytes() + 4095) / 4096 * 4 : DEFAULT_TMPFS_BLOCKS;
                String options = (mount.readWrite() ? "rw" : "ro") + ",nosuid,nodev,noexec,relatime"
                        + (mount.sizeBytes() > 0 ? ",size=" + blocks + "k" : "") + (mount.mode() != 01777 ? ",mode="
                        + Integer.toOctalString(mount.mode()) : "");
                long used = root.isPresent() ? used(processTree, mount.destination(), false) : 0;
                mounted.add(new Filesystem("tmpfs", mount.destination(), "tmpfs", options, blocks, used, 0,
                        "tmpfs:" + mount.destination()));
            } else if (files.hostBinds()) {
                mounted.add(hostDisk(mount));
            } else {
                mounted.add(disk(mount.destination(), mount.readWrite(), DISK_BLOCKS, used(processTree, mount.destination(), true)));
            }
        }
        for (String file : ContainerMounts.DAEMON_FILES) {
            if (own.tree().get(file).isPresent()) {
                mounted.add(disk(file, true, DISK_BLOCKS, 0));
            }
        }
        mounted.sort(Comparator.comparingInt(f -> FilePaths.elements(f.point()).size()));
        table.addAll(mounted);
        for (String masked : List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")) {
            table.add(pseudo("proc", masked, "proc", PROC_RO));
        }
        for (String masked : List.of("/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware")) {
            boolean empty = masked.equals("/proc/acpi") || masked.equals("/sys/firmware");
            table.add(new Filesystem("tmpfs", masked, "tmpfs", empty ? "ro,relatime" : "rw,nosuid,size=65536k,mode=755",
                    empty ? DEFAULT_TMPFS_BLOCKS : SHM_BLOCKS, 0, 0, "tmpfs:" + masked));
        }
        return table.stream().map(MountTable::withAvailable).toList();
    }

    private static Filesystem withAvailable(Filesystem f) {
        return f.available() > 0 || f.blocks() == 0 ? f : new Filesystem(f.device(), f.point(), f.type(), f.options(),
                f.blocks(), f.used(), Math.max(0, f.blocks() - f.used()), f.deviceId());
    }

    private static Filesystem pseudo(String device, String point, String type, String options) {
        return new Filesystem(device, point, type, options, 0, 0, 0, type + ":" + point);
    }

    private static Filesystem disk(String point, boolean readWrite, long blocks, long used) {
        return new Filesystem(DISK, FilePaths.clean(point), "ext4", (readWrite ? "rw" : "ro") + ",relatime", blocks, used, 0, DISK);
    }

    /** A host bind: the figures of the host filesystem that holds its source, as {@code statfs} there gives them. */
    private static Filesystem hostDisk(BindOrTmpfs mount) {
        String options = (mount.readWrite() ? "rw" : "ro") + ",relatime";
        return HostNodes.usage(mount.source())
                .map(u -> new Filesystem(DISK, mount.destination(), "ext4", options, u[0], u[1], u[2], "host:" + mount.source()))
                .orElseGet(() -> disk(mount.destination(), mount.readWrite(), DISK_BLOCKS, 0));
    }

    /** The 1 KiB blocks of a tree as {@code du} counts them on ext4: 4 a directory, whole 4 KiB blocks a file. */
    static long used(PathTree tree) {
        return used(tree, "/", true);
    }

    /** Without {@code directories}, as tmpfs counts: only files' pages. */
    private static long used(PathTree tree, String path, boolean directories) {
        long blocks = 0;
        for (FileNode node : tree.subtree(path).values()) {
            blocks += switch (node.type()) {
                case DIRECTORY -> directories ? 4 : 0;
                case FILE -> (node.content().length + 4095) / 4096 * 4;
                case SYMLINK -> 0;
            };
        }
        return blocks;
    }
}
