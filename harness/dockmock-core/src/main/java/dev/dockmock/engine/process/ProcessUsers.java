package dev.dockmock.engine.process;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Resolves a {@code User} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against
 * a container's {@code /etc/passwd} and {@code /etc/group} as runc does: a name must be there; a
 * number need not be (its group is then 0 and its home {@code /}); without a group the user's
 * login group and the groups listing it as a member apply; with a group, that group alone.
 */
public final class ProcessUsers {

    private ProcessUsers() {
    }

    /**
     * The user {@code spec} names in {@code files}' accounts; an empty spec is root.
     *
     * @throws UnknownUser with dockerd's message when a name is not in the files
     */
    public static ProcessUser resolve(String spec, ProcessFiles files) throws UnknownUser {
        Accounts accounts = Accounts.of(files);
        String userPart = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String groupPart = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : "";
        if (userPart.isEmpty()) {
            userPart = "0";
        }
        OptionalInt uid = accounts.userId(userPart);
        if (uid.isEmpty() || uid.getAsInt() < 0 && !userPart.matches("\\d{1,9}")) {
            throw new UnknownUser("unable to find user " + userPart + ": no matching entries in passwd file");
        }
        int user = uid.getAsInt() < 0 ? Integer.parseInt(userPart) : uid.getAsInt();
        boolean named = accounts.knowsUser(user);
        TreeSet<Integer> groups = new TreeSet<>();
        int gid;
        if (!groupPart.isEmpty()) {
            OptionalInt group = accounts.groupId(groupPart);
            if (group.isEmpty() || group.getAsInt() < 0 && !groupPart.matches("\\d{1,9}")) {
                throw new UnknownUser("unable to find group " + groupPart + ": no matching entries in group file");
            }
            gid = group.getAsInt() < 0 ? Integer.parseInt(groupPart) : group.getAsInt();
        } else {
            gid = named ? Math.max(0, accounts.loginGroup(user)) : 0;
            if (named) {
                groups.addAll(accounts.memberships(accounts.userName(user)));
            }
        }
        groups.add(gid);
        return new ProcessUser(user, gid, List.copyOf(groups), named ? accounts.home(user).orElse("/") : "/");
    }

    /**
     * {@code files} with the rights of the user {@code spec} names in them ({@link ProcessFiles#user()}).
     *
     * @throws UnknownUser with dockerd's message when a name is not in the files
     */
    public static ProcessFiles files(ProcessFiles files, String spec) throws UnknownUser {
        return UserFiles.of(files, resolve(spec, files));
    }

    /** A {@code User} the container's files do not know; dockerd refuses to start the process. */
    public static final class UnknownUser extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownUser(String message) {
            super(message, null, false, false);
        }
    }
}
