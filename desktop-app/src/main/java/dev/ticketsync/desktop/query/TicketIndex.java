package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Ticket;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The tickets as the user sees them, in memory, with their order (newest update first), their filter bitsets and
 * their full-text index. Each ticket has an ordinal; tickets below {@link #indexedCount()} have their comment text
 * loaded and their terms indexed, the rest (while the index is still being built) are tested with
 * {@link TicketQuery#matches} directly. Not thread-safe: {@link TicketSearch} guards it.
 */
final class TicketIndex {

    static final Comparator<Ticket> NEWEST_FIRST = NewestFirst.ORDER;

    private final Map<UUID, Integer> ordinals;
    private final FilterIndex filters = new FilterIndex();
    private final TermIndex terms = new TermIndex();
    private Ticket[] tickets;
    /** Of indexed tickets: the lower-case key, title and description ({@link TicketQuery#searchText}). */
    private String[] texts;
    /** Of indexed tickets: the lower-case comment text. */
    private String[] comments;

    private int count;
    private int indexed;
    /** Ordinals of the present tickets, newest update first. */
    private int[] order;

    private Set<UUID> pending = Set.of();

    /** Starts with every ticket, none indexed yet; ordinals follow the list's order, so the newest get indexed first. */
    TicketIndex(Collection<Ticket> all, Set<UUID> pending) {
        Ticket[] sorted = all.toArray(Ticket[]::new);
        NewestFirst.sort(sorted);
        ordinals = new HashMap<>(sorted.length * 4 / 3 + 16);
        tickets = sorted;
        texts = new String[sorted.length];
        comments = new String[sorted.length];
        count = sorted.length;
        order = new int[count];
        for (int d = 0; d < count; d++) {
            ordinals.put(sorted[d].id(), d);
            filters.add(d, sorted[d]);
            order[d] = d;
        }
        pending(pending);
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
        filters.pending(
                pending.stream().map(ordinals::get).filter(Objects::nonNull).toList());
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
                texts[d] = TicketQuery.searchText(tickets[d]);
                comments[d] = commentText.getOrDefault(tickets[d].id(), "");
                terms.add(d, texts[d], comments[d]);
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
            if (known != null) {
                put(known, now, text);
                changed.add(known);
            } else if (now != null) {
                changed.add(add(now, text));
            }
        }
        reorder(changed);
        pending(pending);
    }

    private int add(Ticket ticket, String commentText) {
        if (count == tickets.length) {
            int size = count + (count >> 1) + 16;
            tickets = Arrays.copyOf(tickets, size);
            texts = Arrays.copyOf(texts, size);
            comments = Arrays.copyOf(comments, size);
        }
        int d = count++;
        ordinals.put(ticket.id(), d);
        if (indexed == d) {
            // Everything before is indexed: so is a new ticket, at once.
            indexed++;
        }
        put(d, ticket, commentText);
        return d;
    }

    /** Replaces what ordinal {@code d} holds (null: the ticket is gone): its filters, and its terms once indexed. */
    private void put(int d, Ticket now, String commentText) {
        Ticket before = tickets[d];
        if (before != null) {
            filters.remove(d, before);
        }
        if (now != null) {
            filters.add(d, now);
        }
        if (d < indexed) {
            String text = now == null ? null : TicketQuery.searchText(now);
            Set<String> old = before == null ? Set.of() : termsOf(texts[d], comments[d]);
            Set<String> fresh = now == null ? Set.of() : termsOf(text, commentText);
            terms.replace(d, old, fresh);
            texts[d] = text;
        }
        tickets[d] = now;
        comments[d] = commentText;
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
     * The tickets the query accepts, newest update first. Filters are bitset operations; the index answers words of
     * letters and digits exactly and narrows the others (keys, phrases) to tickets with all their runs, which are then
     * looked for in the text as {@link TicketQuery#matches} does. Tickets not indexed yet are tested with it whole.
     */
    List<Ticket> search(TicketQuery query, String me) {
        List<String> verify = new ArrayList<>();
        Set<Lookup> lookups = new LinkedHashSet<>();
        for (String word : query.words()) {
            if (Tokens.isOneRun(word)) {
                lookups.add(new Lookup(word, TermIndex.Match.CONTAINS));
            } else if (!word.isEmpty()) {
                verify.add(word);
                Tokens.runs(word).forEach(run -> lookups.add(new Lookup(run.text(), TermIndex.Match.of(run))));
            }
        }
        BitSet filtered = filters.matching(query, me);
        long[] withRuns = indexed > 0 ? candidates(lookups) : null;
        TicketQuery.Context context = new TicketQuery.Context(me, pending, this::commentText);
        List<Ticket> found = new ArrayList<>();
        for (int d : order) {
            if (d < indexed) {
                if ((filtered == null || filtered.get(d))
                        && (withRuns == null || (withRuns[d >>> 6] & (1L << d)) != 0)
                        && containsAll(d, verify)) {
                    found.add(tickets[d]);
                }
            } else if (query.matches(tickets[d], context)) {
                found.add(tickets[d]);
            }
        }
        return found;
    }

    /** Every word is in the ticket's text or in its comments (as {@link TicketQuery#matches} looks for words). */
    private boolean containsAll(int d, List<String> words) {
        for (String word : words) {
            if (!texts[d].contains(word) && !comments[d].contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A run of a query word and how a term must hold it. */
    private record Lookup(String run, TermIndex.Match match) {}

    /** The tickets with a term for every lookup (null: no lookups, no restriction). */
    private long[] candidates(Set<Lookup> lookups) {
        long[] all = null;
        for (Lookup lookup : lookups) {
            long[] bits = new long[(count + 63) >>> 6];
            terms.orDocs(lookup.run(), lookup.match(), bits);
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

    private static Set<String> termsOf(String text, String commentText) {
        Set<String> all = new HashSet<>();
        Tokens.forEach(text, all::add);
        if (commentText != null) {
            Tokens.forEach(commentText, all::add);
        }
        return all;
    }
}
