package dev.dockmock.engine.process;

/**
 * One mounted filesystem: a line of {@code /proc/mounts} and its {@code statfs} in 1 KiB blocks.
 *
 * @param device the first field ({@code overlay}, {@code tmpfs}, {@code /dev/sda1}, ...)
 * @param point the mount point
 * @param type the filesystem type
 * @param options the mount options
 * @param blocks its size; 0 for a filesystem without blocks (proc, sysfs, ...), which {@code df} skips
 * @param used the blocks in use
 * @param available the blocks free for anyone
 * @param deviceId what tells its device apart from the others ({@code st_dev})
 */
public record Filesystem(String device, String point, String type, String options, long blocks, long used, long available,
        String deviceId) {
    /** Its line in {@code /proc/mounts}. */
    public String procLine() {
        return device + " " + point + " " + type + " " + options + " 0 0\n";
    }
}
