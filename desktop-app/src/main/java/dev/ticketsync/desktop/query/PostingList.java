package dev.ticketsync.desktop.query;

import java.util.Arrays;

/**
 * The documents (ticket ordinals) that contain one term. A rare term keeps them as a sorted array; once a term is in
 * more than one document of 32 it switches to a bitset, which is then smaller and ORs a word at a time. New tickets
 * get the highest ordinals, so the common change — indexing a new or grown ticket — appends.
 */
final class PostingList {

    /** Below this many documents a term stays a sorted array even if dense (early in a build, all terms look dense). */
    private static final int MIN_BITSET_SIZE = 1024;

    private int[] docs = new int[2];
    private long[] bits;
    private int size;

    void add(int doc) {
        if (bits != null) {
            if (doc >>> 6 >= bits.length) {
                bits = Arrays.copyOf(bits, Math.max((doc >>> 6) + 1, bits.length + (bits.length >> 2)));
            }
            long mask = 1L << doc;
            if ((bits[doc >>> 6] & mask) == 0) {
                bits[doc >>> 6] |= mask;
                size++;
            }
            return;
        }
        if (size > 0 && docs[size - 1] >= doc) {
            int at = Arrays.binarySearch(docs, 0, size, doc);
            if (at >= 0) {
                return;
            }
            insert(-at - 1, doc);
        } else {
            insert(size, doc);
        }
    }

    void remove(int doc) {
        if (bits != null) {
            long mask = 1L << doc;
            if (doc >>> 6 < bits.length && (bits[doc >>> 6] & mask) != 0) {
                bits[doc >>> 6] &= ~mask;
                size--;
            }
            return;
        }
        int at = Arrays.binarySearch(docs, 0, size, doc);
        if (at >= 0) {
            System.arraycopy(docs, at + 1, docs, at, size - at - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    /** Sets the bit of every document in the list. */
    void orInto(long[] into) {
        if (bits != null) {
            for (int i = Math.min(bits.length, into.length) - 1; i >= 0; i--) {
                into[i] |= bits[i];
            }
            return;
        }
        int[] values = docs;
        for (int i = 0; i < size; i++) {
            int doc = values[i];
            into[doc >>> 6] |= 1L << doc;
        }
    }

    private void insert(int at, int doc) {
        if (size == docs.length) {
            int highest = Math.max(doc, docs[size - 1]);
            if (size >= MIN_BITSET_SIZE && size * 32L > highest + 1L) {
                toBits(doc);
                return;
            }
            docs = Arrays.copyOf(docs, size + (size >> 1) + 2);
        }
        System.arraycopy(docs, at, docs, at + 1, size - at);
        docs[at] = doc;
        size++;
    }

    private void toBits(int adding) {
        bits = new long[(Math.max(adding, docs[size - 1]) >>> 6) + 1];
        for (int i = 0; i < size; i++) {
            bits[docs[i] >>> 6] |= 1L << docs[i];
        }
        docs = null;
        bits[adding >>> 6] |= 1L << adding;
        size++;
    }
}
