package dev.ticketsync.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the audit log: filtered pages for people, and the whole chain in order for verification. */
public final class AuditRows {

    private static final TypeReference<TreeMap<String, ValueChange>> CHANGES = new TypeReference<>() {};

    /** Which entries to list; null fields match everything. */
    public record Filter(UUID ticketId, String actor, AuditAction action, Instant since, long afterSeq, int limit) {}

    public List<AuditEntry> page(Connection c, Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE seq > ?");
        List<Object> params = new ArrayList<>(List.of(f.afterSeq()));
        if (f.ticketId() != null) {
            sql.append(" AND ticket_id = ?");
            params.add(f.ticketId());
        }
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            params.add(f.action().name());
        }
        if (f.since() != null) {
            sql.append(" AND at >= ?");
            params.add(java.time.OffsetDateTime.ofInstant(f.since(), java.time.ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(f.limit());
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(entry(r));
                }
            }
        }
        return entries;
    }

    /** Streams every entry in seq order (for chain verification, without holding the log in memory). */
    public void each(Connection c, Consumer<AuditEntry> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq")) {
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sink.accept(entry(r));
                }
            }
        }
    }

    private static AuditEntry entry(ResultSet r) throws SQLException {
        return new AuditEntry(
                r.getLong("seq"),
                Rows.instant(r, "at"),
                r.getString("actor"),
                Rows.uuid(r, "client_id"),
                r.getString("ip"),
                AuditAction.valueOf(r.getString("action")),
                Rows.uuid(r, "ticket_id"),
                changes(r.getString("changes")),
                r.getString("prev_hash"),
                r.getString("hash"));
    }

    /** Changes that no longer parse were tampered with; keeping the raw text makes the hash check fail on them. */
    private static TreeMap<String, ValueChange> changes(String json) {
        try {
            return Json.lenient().readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            TreeMap<String, ValueChange> unreadable = new TreeMap<>();
            unreadable.put("unreadable", new ValueChange(json, null));
            return unreadable;
        }
    }
}
