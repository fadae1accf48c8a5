package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * busybox {@code dd} ({@code if= of= bs= ibs= obs= count= skip= seek= conv= status= iflag= oflag=})
 * and {@code truncate [-c] -s SIZE FILE...}. dd reports {@code N+M records in/out} on stderr as
 * busybox 1.35 does (without a transfer-rate line). {@code /dev/zero} and {@code /dev/urandom}
 * give as much as {@code count} asks.
 */
final class DdApplet {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(c|w|b|kB|k|K|KB|MB|M|GB|G)?");
    private static final Map<String, Long> UNITS = Map.of("c", 1L, "w", 2L, "b", 512L, "kB", 1000L, "KB", 1000L, "k", 1024L,
            "K", 1024L, "MB", 1_000_000L, "M", 1L << 20, "GB", 1_000_000_000L);

    private DdApplet() {
    }

    static int dd(ProcessIo io) throws InterruptedException {
        DdRequest request;
        try {
            request = DdRequest.parse(io.argv().subList(1, io.argv().size()));
        } catch (DdRequest.Bad bad) {
            if (bad.getMessage() == null) {
                return FileApplets.usage(io, "dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]");
            }
            io.stderr("dd: " + bad.getMessage() + "\n");
            return 1;
        }
        byte[] input = read(io, request);
        if (input == null) {
            return 1;
        }
        int start = (int) Math.min(input.length, request.skipBytes());
        int end = (int) Math.min(input.length, request.count() < 0 ? input.length : start + request.countBytes());
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        long fullIn = 0;
        long partialIn = 0;
        for (int at = start; at < end; at += request.ibs()) {
            int length = (int) Math.min(request.ibs(), end - at);
            byte[] block = Arrays.copyOfRange(input, at, at + length);
            if (length == request.ibs()) {
                fullIn++;
            } else {
                partialIn++;
                block = request.conv().contains("sync") ? Arrays.copyOf(block, (int) request.ibs()) : block;
            }
            copied.writeBytes(block);
        }
        byte[] data = copied.toByteArray();
        long fullOut = request.sameBlocks() ? fullIn : data.length / request.obs();
        long partialOut = request.sameBlocks() ? partialIn : data.length % request.obs() == 0 ? 0 : 1;
        if (!write(io, request, data)) {
            return 1;
        }
        if (!request.status().equals("none")) {
            io.stderr(fullIn + "+" + partialIn + " records in\n" + fullOut + "+" + partialOut + " records out\n");
        }
        return 0;
    }

    private static byte[] read(ProcessIo io, DdRequest request) throws InterruptedException {
        String file = request.input();
        String path = file == null ? "/dev/stdin" : KnownPaths.absolute(file, io.workingDir());
        if (path.equals("/dev/zero") || path.equals("/dev/urandom")) {
            if (request.count() < 0) {
                Thread.sleep(Long.MAX_VALUE);
            }
            byte[] data = new byte[(int) Math.min(Integer.MAX_VALUE - 16, request.skipBytes() + request.countBytes())];
            if (path.equals("/dev/urandom")) {
                new java.util.Random().nextBytes(data);
            }
            return data;
        }
        if (path.equals("/dev/stdin")) {
            return Stdin.readAll(io.stdin());
        }
        Errno errno = Errno.NO_ENTRY;
        try {
            if (io.files().read(path).orElse(null) instanceof ProcessFiles.Entry.File regular) {
                return regular.content();
            }
        } catch (ProcessFiles.Failure failure) {
            errno = failure.errno();
        }
        io.stderr("dd: can't open '" + file + "': " + errno.message() + "\n");
        return null;
    }

    private static boolean write(ProcessIo io, DdRequest request, byte[] data) {
        String file = request.output();
        String path = file == null ? "/dev/stdout" : KnownPaths.absolute(file, io.workingDir());
        if (path.equals("/dev/stdout")) {
            io.stdout(data);
            return true;
        }
        if (KnownPaths.isDevice(path)) {
            return true;
        }
        byte[] old = io.files().lookup(path).orElse(null) instanceof ProcessFiles.Entry.File regular ? regular.content() : new byte[0];
        boolean append = request.oflag().contains("append");
        int offset = append ? old.length : (int) request.seekBytes();
        boolean keepTail = append || request.conv().contains("notrunc");
        byte[] result = Arrays.copyOf(old, Math.max(offset + data.length, keepTail ? old.length : 0));
        if (!keepTail && result.length > offset + data.length) {
            result = Arrays.copyOf(result, offset + data.length);
        }
        System.arraycopy(data, 0, result, offset, data.length);
        try {
            io.files().write(path, result, false);
            return true;
        } catch (ProcessFiles.Failure failure) {
            io.stderr("dd: can't open '" + file + "': " + failure.getMessage() + "\n");
            return false;
        }
    }

    /** {@code truncate [-c] -s SIZE FILE...}: cut or zero-extend each file to SIZE bytes, creating it unless {@code -c}. */
    static int truncate(ProcessIo io) {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "cs:", Map.of());
        if (parsed.isEmpty() || !parsed.get().has("s") || parsed.get().operands().isEmpty()) {
            return FileApplets.usage(io, "truncate [-c] -s SIZE FILE...");
        }
        long size = size(parsed.get().last("s", ""));
        if (size < 0) {
            io.stderr("truncate: invalid number '" + parsed.get().last("s", "") + "'\n");
            return 1;
        }
        int status = 0;
        for (String file : parsed.get().operands()) {
            String path = KnownPaths.absolute(file, io.workingDir());
            Optional<ProcessFiles.Entry> entry = io.files().lookup(path);
            if (entry.isEmpty() && parsed.get().has("c")) {
                continue;
            }
            try {
                if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.Directory) {
                    throw new ProcessFiles.Failure(Errno.IS_A_DIRECTORY);
                }
                byte[] old = entry.isPresent() ? ((ProcessFiles.Entry.File) entry.get()).content() : new byte[0];
                io.files().write(path, Arrays.copyOf(old, (int) Math.min(size, Integer.MAX_VALUE - 16)), false);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("truncate: " + file + ": open: " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        return status;
    }

    /** A size as dd and truncate read it ({@code 10}, {@code 4k}, {@code 1M}, {@code 2b}); -1 when it is none. */
    static long size(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : UNITS.getOrDefault(m.group(2), 1L << 30));
    }
}
