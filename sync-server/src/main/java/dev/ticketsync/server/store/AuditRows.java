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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the audit log: filtered pages for people, and the whole chain in order for verification. */
public final class AuditRows {

    private static final TypeReference<TreeMap<String, ValueChange>> CHANGES = new TypeReference<>() {};

    /**
     * Which entries to list; null fields match everything. {@code since} is inclusive, {@code until} exclusive.
     * {@code cursor} is the seq of the last entry already seen: the page continues after it (oldest first) or before
     * it ({@code newestFirst}, what a person browsing the log wants to see first).
     */
    public record Filter(
            UUID ticketId,
            String actor,
            AuditAction action,
            Instant since,
            Instant until,
            Long cursor,
            boolean newestFirst,
            int limit) {}

    /** An entry as listed for people: with the key of its ticket (null when it has none, or no longer has one). */
    public record Listed(AuditEntry entry, String ticketKey) {}

    public List<Listed> page(Connection c, Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT a.*, t.ticket_key FROM audit_log a LEFT JOIN tickets t ON t.id = a.ticket_id WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (f.cursor() != null) {
            sql.append(f.newestFirst() ? " AND a.seq < ?" : " AND a.seq > ?");
            params.add(f.cursor());
        }
        if (f.ticketId() != null) {
            sql.append(" AND a.ticket_id = ?");
            params.add(f.ticketId());
        }
        if (f.actor() != null) {
            sql.append(" AND a.actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND a.action = ?");
            params.add(f.action().name());
        }
        if (f.since() != null) {
            sql.append(" AND a.at >= ?");
            params.add(OffsetDateTime.ofInstant(f.since(), ZoneOffset.UTC));
        }
        if (f.until() != null) {
            sql.append(" AND a.at < ?");
            params.add(OffsetDateTime.ofInstant(f.until(), ZoneOffset.UTC));
        }
        sql.append(f.newestFirst() ? " ORDER BY a.seq DESC LIMIT ?" : " ORDER BY a.seq LIMIT ?");
        params.add(f.limit());
        List<Listed> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Listed(entry(r), r.getString("ticket_key")));
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
