package dev.dockmock.engine.process;

import java.util.List;

/**
 * Who a simulated process runs as: the ids runc gives it from the container's or the exec's
 * {@code User} (see {@link ProcessUsers}), and the home directory its {@code HOME} defaults to.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param groups the supplementary groups, ascending, the primary one included
 * @param home the home directory ({@code /} when {@code /etc/passwd} does not name the user)
 */
public record ProcessUser(int uid, int gid, List<Integer> groups, String home) {
    /** Root with only its own group: what a process outside any container is. */
    public static final ProcessUser ROOT = new ProcessUser(0, 0, List.of(0), "/root");

    public ProcessUser {
        groups = List.copyOf(groups);
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** Whether files of group {@code gid} are the process's group's (its primary or a supplementary one). */
    public boolean inGroup(int group) {
        return gid == group || groups.contains(group);
    }
}
