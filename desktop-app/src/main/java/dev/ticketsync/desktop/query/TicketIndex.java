package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tickets as the user sees them, in memory, with their full-text index and their order (newest update first).
 * Each ticket has an ordinal; tickets below {@link #indexed} have their comment text loaded and their terms in the
 * index, the rest (while the index is still being built) are tested against their text directly. Not thread-safe:
 * {@link TicketSearch} guards it.
 */
final class TicketIndex {

    static final Comparator<Ticket> NEWEST_FIRST = Comparator.comparing(
                    Ticket::updatedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(Ticket::id);

    private final Map<UUID, Integer> ordinals = new HashMap<>();
    private final TermIndex terms = new TermIndex();
    private Ticket[] tickets;
    /** Each ticket's lower-case comment text; null until loaded. */
    private String[] comments;

    private int count;
    private int indexed;
    /** Ordinals of the present tickets, newest update first. */
    private int[] order;

    private Set<UUID> pending;

    /** Starts with every ticket, none indexed yet; ordinals follow the list's order, so the newest get indexed first. */
    TicketIndex(Collection<Ticket> all, Set<UUID> pending) {
        Ticket[] sorted = all.toArray(Ticket[]::new);
        Arrays.parallelSort(sorted, NEWEST_FIRST);
        tickets = sorted;
        comments = new String[sorted.length];
        count = sorted.length;
        order = new int[count];
        for (int i = 0; i < count; i++) {
            ordinals.put(sorted[i].id(), i);
            order[i] = i;
        }
        this.pending = Set.copyOf(pending);
    }

    int size() {
        return order.length;
    }

    boolean fullyIndexed() {
        return indexed == count;
    }

    int indexedCount() {
        return indexed;
    }

    TermIndex terms() {
        return terms;
    }

    Set<UUID> pending() {
        return pending;
    }

    void pending(Set<UUID> ids) {
        pending = Set.copyOf(ids);
    }

    Ticket ticket(UUID id) {
        Integer ordinal = ordinals.get(id);
        return ordinal == null ? null : tickets[ordinal];
    }

    /** The ids of the tickets among the next {@code max} ordinals to index, newest first. */
    List<UUID> unindexed(int max) {
        List<UUID> ids = new ArrayList<>();
        for (int d = indexed; d < Math.min(count, indexed + max); d++) {
            if (tickets[d] != null) {
                ids.add(tickets[d].id());
            }
        }
        return ids;
    }

    /** Indexes the next {@code max} ordinals (the tickets {@link #unindexed} named) with their comment text. */
    void indexNext(int max, Map<UUID, String> commentText) {
        int end = Math.min(count, indexed + max);
        for (int d = indexed; d < end; d++) {
            if (tickets[d] != null) {
                comments[d] = commentText.getOrDefault(tickets[d].id(), "");
                terms.add(d, termsOf(tickets[d], comments[d]));
            }
        }
        indexed = end;
    }

    /**
     * Takes in the tickets with these ids as the replica now has them: {@code fresh} holds those that exist, with
     * their comment text in {@code commentText}. Terms a ticket lost leave the index, new ones join it.
     */
    void update(Collection<UUID> ids, Collection<Ticket> fresh, Map<UUID, String> commentText) {
        Map<UUID, Ticket> byId = new HashMap<>();
        fresh.forEach(ticket -> byId.put(ticket.id(), ticket));
        Set<Integer> changed = new HashSet<>();
        for (UUID id : ids) {
            Ticket now = byId.get(id);
            String text = now == null ? null : commentText.getOrDefault(id, "");
            Integer known = ordinals.get(id);
            if (known == null) {
                if (now != null) {
                    changed.add(add(now, text));
                }
                continue;
            }
            int d = known;
            if (d < indexed) {
                Set<String> before = tickets[d] == null ? Set.of() : termsOf(tickets[d], comments[d]);
                Set<String> after = now == null ? Set.of() : termsOf(now, text);
                terms.remove(d, difference(before, after));
                terms.add(d, difference(after, before));
            }
            tickets[d] = now;
            comments[d] = text;
            changed.add(d);
        }
        reorder(changed);
    }

    private int add(Ticket ticket, String text) {
        if (count == tickets.length) {
            tickets = Arrays.copyOf(tickets, count + (count >> 1) + 16);
            comments = Arrays.copyOf(comments, tickets.length);
        }
        int d = count++;
        ordinals.put(ticket.id(), d);
        tickets[d] = ticket;
        comments[d] = text;
        if (indexed == d) {
            // Everything before is indexed: so is a new ticket, at once.
            terms.add(d, termsOf(ticket, text));
            indexed++;
        }
        return d;
    }

    /** Moves changed tickets to their new places: the unchanged stay in order, the changed are merged in. */
    private void reorder(Set<Integer> changed) {
        if (changed.isEmpty()) {
            return;
        }
        BitSet isChanged = new BitSet(count);
        changed.forEach(isChanged::set);
        int[] moved = changed.stream()
                .filter(d -> tickets[d] != null)
                .sorted((a, b) -> NEWEST_FIRST.compare(tickets[a], tickets[b]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] merged = new int[order.length + moved.length];
        int i = 0;
        int m = 0;
        int out = 0;
        while (i < order.length || m < moved.length) {
            if (i < order.length && isChanged.get(order[i])) {
                i++;
            } else if (m == moved.length
                    || (i < order.length && NEWEST_FIRST.compare(tickets[order[i]], tickets[moved[m]]) < 0)) {
                merged[out++] = order[i++];
            } else {
                merged[out++] = moved[m++];
            }
        }
        order = Arrays.copyOf(merged, out);
    }

    /**
     * The tickets the query accepts, newest update first. The index answers words of letters and digits exactly; it
     * narrows the rest (keys, phrases) to tickets with all their runs, and {@link TicketQuery#matches} decides those
     * and the filters. Tickets not indexed yet are simply tested whole.
     */
    List<Ticket> search(TicketQuery query, String me) {
        List<String> verify = new ArrayList<>();
        Set<String> runs = new LinkedHashSet<>();
        for (String word : query.words()) {
            if (Tokens.isOneRun(word)) {
                runs.add(word);
            } else if (!word.isEmpty()) {
                verify.add(word);
                runs.addAll(Tokens.runs(word));
            }
        }
        long[] candidates = indexed > 0 ? candidates(runs) : null;
        TicketQuery rest = query.withWords(verify);
        TicketQuery.Context context = new TicketQuery.Context(me, pending, this::commentText);
        List<Ticket> found = new ArrayList<>();
        for (int d : order) {
            Ticket ticket = tickets[d];
            if (d < indexed) {
                if ((candidates == null || (candidates[d >>> 6] & (1L << d)) != 0) && rest.matches(ticket, context)) {
                    found.add(ticket);
                }
            } else if (query.matches(ticket, context)) {
                found.add(ticket);
            }
        }
        return found;
    }

    /** The tickets with a term containing each run (null: no run, no restriction). */
    private long[] candidates(Set<String> runs) {
        long[] all = null;
        for (String run : runs) {
            long[] bits = new long[(count + 63) >>> 6];
            terms.orDocsContaining(run, bits);
            if (all == null) {
                all = bits;
            } else {
                for (int i = 0; i < all.length; i++) {
                    all[i] &= bits[i];
                }
            }
        }
        return all;
    }

    private String commentText(UUID id) {
        Integer ordinal = ordinals.get(id);
        return ordinal == null ? null : comments[ordinal];
    }

    private static Set<String> termsOf(Ticket ticket, String commentText) {
        Set<String> all = new HashSet<>();
        Tokens.forEach(TicketQuery.searchText(ticket), all::add);
        if (commentText != null) {
            Tokens.forEach(commentText, all::add);
        }
        return all;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> left = new HashSet<>(from);
        left.removeAll(minus);
        return left;
    }
}
