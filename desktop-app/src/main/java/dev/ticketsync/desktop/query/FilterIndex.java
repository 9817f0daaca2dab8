package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query's filters as bitsets of ticket ordinals, one per field value: {@code status:open priority:p1,p2} is a few
 * word-wise ORs and ANDs instead of a look at 100k ticket objects scattered over the heap. Mirrors the filter half of
 * {@link TicketQuery#matches} term by term (the properties test holds the two to the same answers). Not thread-safe.
 */
final class FilterIndex {

    // Hash maps, not enum maps: a value may be missing (null) on a ticket, and then it simply matches no filter value.
    private final Map<Status, BitSet> statuses = new HashMap<>();
    private final Map<Priority, BitSet> priorities = new HashMap<>();
    private final Map<TicketType, BitSet> types = new HashMap<>();
    /** By login; the null key holds the unassigned tickets. */
    private final Map<String, BitSet> assignees = new HashMap<>();

    private final Map<String, BitSet> tags = new HashMap<>();
    private final BitSet pending = new BitSet();

    void add(int doc, Ticket ticket) {
        set(statuses, ticket.status(), doc, true);
        set(priorities, ticket.priority(), doc, true);
        set(types, ticket.type(), doc, true);
        set(assignees, ticket.assignee(), doc, true);
        ticket.tags().forEach(tag -> set(tags, tag, doc, true));
    }

    void remove(int doc, Ticket ticket) {
        set(statuses, ticket.status(), doc, false);
        set(priorities, ticket.priority(), doc, false);
        set(types, ticket.type(), doc, false);
        set(assignees, ticket.assignee(), doc, false);
        ticket.tags().forEach(tag -> set(tags, tag, doc, false));
    }

    void pending(Collection<Integer> docs) {
        pending.clear();
        docs.forEach(pending::set);
    }

    /** The tickets that pass the query's filters, or null when it has none (every ticket passes). */
    BitSet matching(TicketQuery query, String me) {
        BitSet result = null;
        if (!query.statuses().isEmpty()) {
            result = and(result, any(statuses, query.statuses()));
        }
        if (!query.assignees().isEmpty() || query.unassigned()) {
            BitSet named = any(assignees, query.assignees());
            if (query.assignees().contains("me") && me != null) {
                named.or(assignees.getOrDefault(me, new BitSet()));
            }
            if (query.unassigned()) {
                named.or(assignees.getOrDefault(null, new BitSet()));
            }
            result = and(result, named);
        }
        if (!query.priorities().isEmpty()) {
            result = and(result, any(priorities, query.priorities()));
        }
        if (!query.tags().isEmpty()) {
            result = and(result, any(tags, query.tags()));
        }
        if (!query.types().isEmpty()) {
            result = and(result, any(types, query.types()));
        }
        if (query.pendingOnly()) {
            result = and(result, (BitSet) pending.clone());
        }
        return result;
    }

    private static <K> void set(Map<K, BitSet> index, K key, int doc, boolean value) {
        if (value) {
            index.computeIfAbsent(key, k -> new BitSet()).set(doc);
        } else if (index.containsKey(key)) {
            index.get(key).clear(doc);
        }
    }

    /** The tickets with any of the values ({@code null} values never match a named one). */
    private static <K> BitSet any(Map<K, BitSet> index, Set<K> values) {
        BitSet union = new BitSet();
        for (K value : values) {
            BitSet docs = value == null ? null : index.get(value);
            if (docs != null) {
                union.or(docs);
            }
        }
        return union;
    }

    private static BitSet and(BitSet soFar, BitSet more) {
        if (soFar == null) {
            return more;
        }
        soFar.and(more);
        return soFar;
    }
}
