package dev.ticketsync.desktop.query;

import java.util.Arrays;

/**
 * The documents (ticket ordinals) that contain one term, ascending. New tickets get the highest ordinals, so the
 * common change — indexing a new or grown ticket — appends; an edit that drops a term removes one entry.
 */
final class PostingList {

    private int[] docs = new int[2];
    private int size;

    void add(int doc) {
        if (size > 0 && docs[size - 1] >= doc) {
            int at = Arrays.binarySearch(docs, 0, size, doc);
            if (at >= 0) {
                return;
            }
            insert(-at - 1, doc);
            return;
        }
        insert(size, doc);
    }

    void remove(int doc) {
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
    void orInto(long[] bits) {
        int[] values = docs;
        for (int i = 0; i < size; i++) {
            int doc = values[i];
            bits[doc >>> 6] |= 1L << doc;
        }
    }

    private void insert(int at, int doc) {
        if (size == docs.length) {
            docs = Arrays.copyOf(docs, size + (size >> 1) + 2);
        }
        System.arraycopy(docs, at, docs, at + 1, size - at);
        docs[at] = doc;
        size++;
    }
}
