package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An awk associative array that iterates as busybox 1.35's awk does: keys live in hash buckets
 * (61 to start with, then 251, 1021, ... as the array grows past eleven keys a bucket), a new key
 * goes to the front of its bucket, and {@code for (k in a)} walks the buckets in order. Scripts
 * that print {@code for (k in a)} unsorted thus give busybox's order.
 */
final class AwkArray {
    private static final int[] SIZES = {61, 251, 1021, 4093, 16381, 65521};

    /** One key and its value, chained in its bucket. */
    private static final class Item {
        final String key;
        Object value;
        Item next;

        Item(String key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    private Item[] buckets = new Item[SIZES[0]];
    private int grown;
    private int size;

    /** busybox's hash: 63 times the hash so far plus the next byte, in 32-bit unsigned arithmetic. */
    private static int hash(String key, int buckets) {
        int hash = 0;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = hash * 63 + (b & 0xff);
        }
        return (int) (Integer.toUnsignedLong(hash) % buckets);
    }

    private Item find(String key) {
        for (Item item = buckets[hash(key, buckets.length)]; item != null; item = item.next) {
            if (item.key.equals(key)) {
                return item;
            }
        }
        return null;
    }

    /** The value of {@code key}, which a reference creates (empty) as awk does. */
    Object get(String key) {
        Item item = find(key);
        if (item == null) {
            put(key, "");
            return "";
        }
        return item.value;
    }

    boolean contains(String key) {
        return find(key) != null;
    }

    void put(String key, Object value) {
        Item item = find(key);
        if (item != null) {
            item.value = Objects.requireNonNull(value);
            return;
        }
        size++;
        if (size / buckets.length > 10 && grown + 1 < SIZES.length) {
            rebuild(SIZES[++grown]);
        }
        int index = hash(key, buckets.length);
        item = new Item(key, value);
        item.next = buckets[index];
        buckets[index] = item;
    }

    private void rebuild(int newSize) {
        Item[] old = buckets;
        buckets = new Item[newSize];
        for (Item head : old) {
            for (Item item = head; item != null; ) {
                Item next = item.next;
                int index = hash(item.key, newSize);
                item.next = buckets[index];
                buckets[index] = item;
                item = next;
            }
        }
    }

    void remove(String key) {
        int index = hash(key, buckets.length);
        Item previous = null;
        for (Item item = buckets[index]; item != null; previous = item, item = item.next) {
            if (item.key.equals(key)) {
                if (previous == null) {
                    buckets[index] = item.next;
                } else {
                    previous.next = item.next;
                }
                size--;
                return;
            }
        }
    }

    void clear() {
        buckets = new Item[buckets.length];
        size = 0;
    }

    int size() {
        return size;
    }

    /** The keys in busybox's walking order, as a copy: the loop's body may change the array. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(size);
        for (Item head : buckets) {
            for (Item item = head; item != null; item = item.next) {
                keys.add(item.key);
            }
        }
        return keys;
    }
}
