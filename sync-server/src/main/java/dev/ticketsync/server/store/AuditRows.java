package dev.ticketsync.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

/**
 * The audit log's rows: appended by the write path, read as filtered pages for people, as the whole chain in order for
 * verification, and as change-log entities for replicas.
 */
public final class AuditRows {

    private static final TypeReference<TreeMap<String, ValueChange>> CHANGES = new TypeReference<>() {};

    /**
     * Appends {@code entry}, whose changes are already written as {@code changesJson} (the text the hash covered), with
     * its global seq when it is about a ticket and so syncs to replicas, else null.
     */
    public void append(Connection c, AuditEntry entry, String changesJson, Long changeSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO audit_log (seq, at, actor, client_id, ip, action, ticket_id, changes, prev_hash, hash,
                    change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, entry.seq());
            Rows.instant(s, 2, entry.at());
            s.setString(3, entry.actor());
            Rows.uuid(s, 4, entry.clientId());
            s.setString(5, entry.ip());
            s.setString(6, entry.action().name());
            Rows.uuid(s, 7, entry.ticketId());
            s.setString(8, changesJson);
            s.setString(9, entry.prevHash());
            s.setString(10, entry.hash());
            s.setObject(11, changeSeq);
            s.executeUpdate();
        }
    }

    /**
     * An entry as replicas read it ({@link AuditEntry} in the shared JSON mapping, hash included), with
     * {@code changesJson} written in place of the entry's own changes.
     */
    public static String snapshot(AuditEntry entry, String changesJson) {
        StringWriter out = new StringWriter(changesJson.length() + 400);
        try (JsonGenerator json = Json.strict().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("seq", entry.seq());
            json.writeStringField("at", entry.at().toString());
            optional(json, "actor", entry.actor());
            optional(
                    json,
                    "clientId",
                    entry.clientId() == null ? null : entry.clientId().toString());
            optional(json, "ip", entry.ip());
            json.writeStringField("action", entry.action().name());
            optional(
                    json,
                    "ticketId",
                    entry.ticketId() == null ? null : entry.ticketId().toString());
            json.writeFieldName("changes");
            json.writeRawValue(changesJson);
            optional(json, "prevHash", entry.prevHash());
            optional(json, "hash", entry.hash());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit entry " + entry.seq(), e);
        }
        return out.toString();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

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
        return entry(r, changes(r.getString("changes")));
    }

    /** The entry in the current row, with {@code changes} for its changes (null: none, when they stay raw JSON). */
    static AuditEntry entry(ResultSet r, TreeMap<String, ValueChange> changes) throws SQLException {
        return new AuditEntry(
                r.getLong("seq"),
                Rows.instant(r, "at"),
                r.getString("actor"),
                Rows.uuid(r, "client_id"),
                r.getString("ip"),
                AuditAction.valueOf(r.getString("action")),
                Rows.uuid(r, "ticket_id"),
                changes,
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
