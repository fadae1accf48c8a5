package dev.dockmock.engine.containers;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generated names that end in a number, found by that number. Once there are more containers
 * than plain names, every generated name carries a number drawn here, unique by construction.
 * Why not a hash index: a create would then touch a random bucket of a table as large as the
 * number of containers, a cache miss that cost more than the rest of the naming; numbers are
 * drawn in order, so the slots written are next to each other. Used under the engine's lock,
 * but for {@link #reserve}, which needs none.
 */
final class NumberedNames {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX_DIGITS = 18;

    private final AtomicLong next = new AtomicLong(1);
    private Container[][] chunks = new Container[16][];
    private int[] live = new int[16];

    /** A number no other generated name has had. */
    long reserve() {
        return next.getAndIncrement();
    }

    /** The container whose current name is {@code name} and was numbered here; null when none. */
    Container find(String name) {
        long number = trailingNumber(name);
        if (number <= 0) {
            return null;
        }
        Container container = slot(number);
        return container != null && container.name().equals(name) ? container : null;
    }

    /** Records {@code container} under the number its generated name ends with. */
    void put(Container container) {
        long number = trailingNumber(container.name());
        int chunk = (int) (number >>> CHUNK_BITS);
        if (chunk >= chunks.length) {
            int size = Math.max(chunks.length * 2, chunk + 1);
            chunks = Arrays.copyOf(chunks, size);
            live = Arrays.copyOf(live, size);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Container[CHUNK];
        }
        int offset = (int) (number & (CHUNK - 1));
        if (chunks[chunk][offset] == null) {
            live[chunk]++;
        }
        chunks[chunk][offset] = container;
    }

    /** Forgets {@code container} if its current name is one of these; false when it is not. */
    boolean remove(Container container) {
        long number = trailingNumber(container.name());
        if (number <= 0 || slot(number) != container) {
            return false;
        }
        int chunk = (int) (number >>> CHUNK_BITS);
        chunks[chunk][(int) (number & (CHUNK - 1))] = null;
        // a chunk no longer drawn from and now empty is given back
        if (--live[chunk] == 0 && chunk < (next.get() >>> CHUNK_BITS)) {
            chunks[chunk] = null;
        }
        return true;
    }

    private Container slot(long number) {
        long chunk = number >>> CHUNK_BITS;
        Container[] slots = chunk < chunks.length ? chunks[(int) chunk] : null;
        return slots == null ? null : slots[(int) (number & (CHUNK - 1))];
    }

    /** The number {@code name} ends with; -1 when it ends with none, or one no draw gives (a leading zero, too long). */
    static long trailingNumber(String name) {
        int end = name.length();
        int start = end;
        while (start > 0 && name.charAt(start - 1) >= '0' && name.charAt(start - 1) <= '9') {
            start--;
        }
        if (start == end || end - start > MAX_DIGITS || name.charAt(start) == '0') {
            return -1;
        }
        long number = 0;
        for (int i = start; i < end; i++) {
            number = number * 10 + (name.charAt(i) - '0');
        }
        return number;
    }
}
