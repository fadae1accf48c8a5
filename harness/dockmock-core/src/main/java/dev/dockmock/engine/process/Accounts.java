package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/**
 * The user and group names of a container, read from its {@code /etc/passwd} and
 * {@code /etc/group}; id 0 is {@code root} even where the tree has no such files.
 */
final class Accounts {
    private final Map<String, Integer> userIds = new HashMap<>();
    private final Map<Integer, String> userNames = new HashMap<>();
    private final Map<String, Integer> groupIds = new HashMap<>();
    private final Map<Integer, String> groupNames = new HashMap<>();
    private final Map<Integer, Integer> loginGroups = new HashMap<>();
    private final Map<Integer, String> homes = new HashMap<>();
    private final Map<String, List<Integer>> memberships = new HashMap<>();
    private boolean passwd;
    private boolean group;

    private Accounts() {
    }

    /** The accounts {@code files} define, plus root. */
    static Accounts of(ProcessFiles files) {
        Accounts accounts = new Accounts();
        accounts.passwd = read(files, "/etc/passwd", 2, accounts.userIds, accounts.userNames,
                accounts.loginGroups, (id, fields) -> {
                    if (fields.length > 5) {
                        accounts.homes.putIfAbsent(id, fields[5]);
                    }
                });
        accounts.group = read(files, "/etc/group", 2, accounts.groupIds, accounts.groupNames, null, (id, fields) -> {
            if (fields.length > 3 && !fields[3].isEmpty()) {
                for (String member : fields[3].split(",")) {
                    accounts.memberships.computeIfAbsent(member.trim(), name -> new ArrayList<>()).add(id);
                }
            }
        });
        accounts.userIds.putIfAbsent("root", 0);
        accounts.userNames.putIfAbsent(0, "root");
        accounts.groupIds.putIfAbsent("root", 0);
        accounts.groupNames.putIfAbsent(0, "root");
        return accounts;
    }

    /** Whether the tree has the file: without it, no name can be called unknown. */
    private static boolean read(ProcessFiles files, String path, int idField, Map<String, Integer> ids,
            Map<Integer, String> names, Map<Integer, Integer> loginGroups, BiConsumer<Integer, String[]> more) {
        if (!(files.lookup(path).orElse(null) instanceof ProcessFiles.Entry.File file)) {
            return false;
        }
        for (String line : new String(file.content(), StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length > idField && fields[idField].matches("\\d{1,9}")) {
                int id = Integer.parseInt(fields[idField]);
                ids.putIfAbsent(fields[0], id);
                names.putIfAbsent(id, fields[0]);
                more.accept(id, fields);
                if (loginGroups != null && fields.length > idField + 1 && fields[idField + 1].matches("\\d{1,9}")) {
                    loginGroups.putIfAbsent(id, Integer.parseInt(fields[idField + 1]));
                }
            }
        }
        return true;
    }

    /** The login group of user {@code uid} from {@code /etc/passwd}; -1 (unchanged) when unknown. */
    int loginGroup(int uid) {
        return loginGroups.getOrDefault(uid, -1);
    }

    /** Whether {@code /etc/passwd} names user {@code uid}. */
    boolean knowsUser(int uid) {
        return userNames.containsKey(uid) && (passwd || uid == 0);
    }

    /** Whether {@code /etc/group} names group {@code gid}. */
    boolean knowsGroup(int gid) {
        return groupNames.containsKey(gid) && (group || gid == 0);
    }

    /** User {@code uid}'s home directory from {@code /etc/passwd}; empty when it has none there. */
    Optional<String> home(int uid) {
        return Optional.ofNullable(homes.get(uid));
    }

    /** The groups {@code /etc/group} lists {@code userName} as a member of, in the file's order. */
    List<Integer> memberships(String userName) {
        return memberships.getOrDefault(userName, List.of());
    }

    /** The user's name, or its number when none is known. */
    String userName(int uid) {
        return userNames.getOrDefault(uid, Integer.toString(uid));
    }

    /** The group's name, or its number when none is known. */
    String groupName(int gid) {
        return groupNames.getOrDefault(gid, Integer.toString(gid));
    }

    /**
     * The id a user name or number stands for; empty for a name {@code /etc/passwd} lacks, -1
     * (unchanged) for any name when there is no such file.
     */
    OptionalInt userId(String nameOrId) {
        return id(nameOrId, userIds, passwd);
    }

    /** The id a group name or number stands for, as {@link #userId} with {@code /etc/group}. */
    OptionalInt groupId(String nameOrId) {
        return id(nameOrId, groupIds, group);
    }

    private static OptionalInt id(String nameOrId, Map<String, Integer> ids, boolean known) {
        Integer named = ids.get(nameOrId);
        if (named != null) {
            return OptionalInt.of(named);
        }
        if (nameOrId.matches("\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(nameOrId));
        }
        return known ? OptionalInt.empty() : OptionalInt.of(-1);
    }
}
