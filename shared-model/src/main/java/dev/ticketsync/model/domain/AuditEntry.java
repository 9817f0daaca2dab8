package dev.ticketsync.model.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** One row of the append-only, hash-chained audit log (DESIGN.md §6). */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        UUID clientId,
        String ip,
        AuditAction action,
        UUID ticketId,
        SortedMap<String, ValueChange> changes,
        String prevHash,
        String hash) {

    public AuditEntry {
        changes = Collections.unmodifiableSortedMap(changes == null ? new TreeMap<>() : new TreeMap<>(changes));
    }
}
