package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * A process's view of its container's files with its user's rights, as the kernel checks them:
 * creating or removing needs write and search permission on the directory (and, below a sticky
 * directory such as {@code /tmp}, owning what is removed); writing a file needs write permission
 * on it; only the owner changes a mode and only root gives a file away. What a non-root process
 * creates is its user's and group's. Every path is resolved first: each directory above it must
 * be searchable, or the call fails with {@code Permission denied} whether the path exists or not.
 * Opening for reading needs read permission ({@link #read}); {@link #lookup} and {@link #stat}
 * stay unchecked, for callers acting as root. Root passes every check without a look at a mode
 * ({@link FileAccess}). The rest is handed on unchanged (docs/engine.md, "Users"): a method added
 * to {@link ProcessFiles} must be added here too ({@code UserFilesTest} checks).
 */
final class UserFiles implements ProcessFiles {
    private static final int SEARCH = EXECUTE;
    private static final int STICKY = 01000;

    private final ProcessFiles files;
    private final ProcessUser user;
    private final FileAccess rules;

    private UserFiles(ProcessFiles files, ProcessUser user) {
        this.files = files;
        this.user = user;
        this.rules = new FileAccess(files, user);
    }

    /** {@code files} as {@code user} may use them. */
    static ProcessFiles of(ProcessFiles files, ProcessUser user) {
        return new UserFiles(files, user);
    }

    @Override
    public ProcessUser user() {
        return user;
    }

    @Override
    public Optional<Entry> lookup(String path) {
        return files.lookup(path);
    }

    @Override
    public Optional<Entry> read(String path) throws Failure {
        if (user.isRoot()) {
            return files.lookup(path);
        }
        reach(path);
        Optional<Stat> stat = files.stat(path, true);
        if (stat.isPresent()) {
            rules.require(stat.get(), READ);
        }
        return files.lookup(path);
    }

    @Override
    public void reach(String path) throws Failure {
        rules.reach(path);
    }

    @Override
    public boolean allows(String path, int access) {
        if (user.isRoot()) {
            return true;
        }
        try {
            reach(path);
        } catch (Failure denied) {
            return false;
        }
        return files.stat(path, true).map(stat -> rules.permitted(stat, access)).orElse(true);
    }

    @Override
    public Optional<Stat> stat(String path, boolean followLinks) {
        return files.stat(path, followLinks);
    }

    @Override
    public List<Filesystem> mounts() {
        return files.mounts();
    }

    @Override
    public Optional<String> deviceOf(String path) {
        return files.deviceOf(path);
    }

    @Override
    public void write(String path, byte[] data, boolean append) throws Failure {
        reach(path);
        Optional<Stat> existing = files.stat(path, true);
        if (existing.isPresent() && !existing.get().isDirectory()) {
            rules.require(existing.get(), WRITE);
            files.write(path, data, append);
            return;
        }
        requireParent(path);
        files.write(path, data, append);
        own(path, true);
    }

    @Override
    public void mkdir(String path) throws Failure {
        reach(path);
        requireParent(path);
        files.mkdir(path);
        own(path, true);
    }

    @Override
    public void symlink(String target, String path) throws Failure {
        reach(path);
        requireParent(path);
        files.symlink(target, path);
        own(path, false);
    }

    @Override
    public void touch(String path) throws Failure {
        reach(path);
        Optional<Stat> existing = files.stat(path, true);
        if (existing.isPresent()) {
            if (existing.get().uid() != user.uid()) {
                rules.require(existing.get(), WRITE);
            }
            files.touch(path);
            return;
        }
        requireParent(path);
        files.touch(path);
        own(path, true);
    }

    @Override
    public void remove(String path, boolean recursive) throws Failure {
        reach(path);
        Optional<Stat> target = files.stat(path, false);
        Optional<Stat> parent = files.stat(KnownPaths.parent(path), true);
        if (!user.isRoot() && target.isPresent() && parent.isPresent()) {
            rules.require(parent.get(), WRITE | SEARCH);
            boolean sticky = (parent.get().mode() & STICKY) != 0;
            if (sticky && target.get().uid() != user.uid() && parent.get().uid() != user.uid()) {
                throw new Failure(Errno.PERMISSION_DENIED);
            }
            if (recursive && target.get().isDirectory()) {
                rules.require(target.get(), READ | WRITE | SEARCH);
            }
        }
        files.remove(path, recursive);
    }

    @Override
    public void setMode(String path, int mode) throws Failure {
        reach(path);
        Optional<Stat> existing = files.stat(path, true);
        if (!user.isRoot() && existing.isPresent() && existing.get().uid() != user.uid()) {
            throw new Failure(Errno.NOT_PERMITTED);
        }
        files.setMode(path, mode);
    }

    @Override
    public void setOwner(String path, int uid, int gid, boolean followLinks) throws Failure {
        reach(path);
        Optional<Stat> existing = files.stat(path, followLinks);
        if (!user.isRoot() && existing.isPresent()) {
            Stat stat = existing.get();
            boolean givesAway = uid >= 0 && uid != stat.uid();
            boolean foreignGroup = gid >= 0 && (stat.uid() != user.uid() || !user.inGroup(gid));
            if (givesAway || foreignGroup) {
                throw new Failure(Errno.NOT_PERMITTED);
            }
        }
        files.setOwner(path, uid, gid, followLinks);
    }

    private void requireParent(String path) throws Failure {
        Optional<Stat> parent = files.stat(KnownPaths.parent(path), true);
        if (parent.isPresent() && parent.get().isDirectory()) {
            rules.require(parent.get(), WRITE | SEARCH);
        }
    }

    /** Gives what the process just made to its user and group, as the kernel does at creation. */
    private void own(String path, boolean followLinks) throws Failure {
        if (user.uid() != 0 || user.gid() != 0) {
            files.setOwner(path, user.uid(), user.gid(), followLinks);
        }
    }
}
