package dev.ticketsync.model.workflow;

import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.ValueChange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An accepted command: the ticket after it, what it did (audit events with field changes) and the other rows it
 * writes. No events means the command changed nothing (e.g. adding a tag that was already there).
 */
public record Applied(Ticket ticket, List<AuditEvent> events, List<Effect> effects) implements Outcome {

    public Applied {
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }

    public static Applied unchanged(Ticket ticket) {
        return new Applied(ticket, List.of(), List.of());
    }

    /** Every field change of every event, by field name. */
    public Map<String, ValueChange> changes() {
        Map<String, ValueChange> all = new TreeMap<>();
        events.forEach(event -> all.putAll(event.changes()));
        return all;
    }

    public boolean changedNothing() {
        return events.isEmpty();
    }
}
