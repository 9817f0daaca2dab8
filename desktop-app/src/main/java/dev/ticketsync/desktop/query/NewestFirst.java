package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Ticket;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/** The list's order: most recently updated first (never updated last), ties by id. */
final class NewestFirst {

    static final Comparator<Ticket> ORDER = Comparator.comparing(
                    Ticket::updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Ticket::id);

    private static final int INDEX_BITS = 30;
    private static final long LATEST_SECOND = (1L << (Long.SIZE - INDEX_BITS - 1)) - 2;

    private NewestFirst() {}

    /**
     * Sorts in {@link #ORDER}. A comparator sort of 100k tickets spends its time fetching scattered objects; this sorts
     * packed primitive keys (second of update, position) and re-sorts only runs updated in the same second with the
     * comparator — the same order, several times faster, which counts when the app starts.
     */
    static void sort(Ticket[] tickets) {
        if (tickets.length >= 1 << INDEX_BITS) {
            Arrays.parallelSort(tickets, ORDER);
            return;
        }
        long[] keys = new long[tickets.length];
        for (int i = 0; i < tickets.length; i++) {
            Instant at = tickets[i].updatedAt();
            if (at != null && (at.getEpochSecond() < 0 || at.getEpochSecond() > LATEST_SECOND)) {
                Arrays.parallelSort(tickets, ORDER); // a date this packing cannot hold
                return;
            }
            // Newer first: the key grows as the second gets older; never-updated tickets get the largest.
            long age = at == null ? LATEST_SECOND + 1 : LATEST_SECOND - at.getEpochSecond();
            keys[i] = age << INDEX_BITS | i;
        }
        Arrays.sort(keys);
        Ticket[] sorted = new Ticket[tickets.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = tickets[(int) (keys[i] & ((1L << INDEX_BITS) - 1))];
        }
        int runStart = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || keys[i] >>> INDEX_BITS != keys[runStart] >>> INDEX_BITS) {
                if (i - runStart > 1) {
                    Arrays.sort(sorted, runStart, i, ORDER);
                }
                runStart = i;
            }
        }
        System.arraycopy(sorted, 0, tickets, 0, sorted.length);
    }
}
