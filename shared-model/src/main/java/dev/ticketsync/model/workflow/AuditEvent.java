package dev.ticketsync.model.workflow;

import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.ValueChange;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One action a command performed, with its field changes; the server turns each into one audit entry. */
public record AuditEvent(AuditAction action, SortedMap<String, ValueChange> changes) {

    public AuditEvent {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }

    public static AuditEvent of(AuditAction action, Map<String, ValueChange> changes) {
        return new AuditEvent(action, new TreeMap<>(changes));
    }

    public static AuditEvent of(AuditAction action, String field, Object old, Object value) {
        return of(action, Map.of(field, new ValueChange(old, value)));
    }
}
