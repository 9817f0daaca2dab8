package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.protocol.EntityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the change log for pulls: the entities whose latest change is after a cursor, in seq order. The log has two
 * parts: the change_log table (one row per entity, moved to each new seq), and audit entries about tickets, which
 * never change and keep their seq in their own row (docs/decisions/0005-push-write-volume.md). One statement reads
 * both, so a page sees them in one consistent state.
 */
public final class ChangeLogReader {

    /** One change-log row, its snapshot still as the JSON text it was stored as. */
    public record Row(long seq, String entity, String id, boolean deleted, String data) {}

    // Each part is read in seq order up to the page size through its own index, then the two short runs are merged.
    // Audit rows carry their own columns, named as in audit_log, and are written as snapshots here. The ORDER BYs name
    // their table: a bare "seq" in the first part means its output column "seq" (NULL there) on PostgreSQL, which then
    // pages in heap order and skips changes.
    private static final String AFTER = """
            SELECT * FROM (
                (SELECT seq AS change_seq, entity, entity_id, deleted, data,
                    CAST(NULL AS BIGINT) AS seq, CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS at,
                    CAST(NULL AS VARCHAR(64)) AS actor, CAST(NULL AS UUID) AS client_id, CAST(NULL AS VARCHAR(64)) AS ip,
                    CAST(NULL AS VARCHAR(32)) AS action, CAST(NULL AS UUID) AS ticket_id,
                    CAST(NULL AS VARCHAR(1000000)) AS changes, CAST(NULL AS VARCHAR(64)) AS prev_hash,
                    CAST(NULL AS VARCHAR(64)) AS hash
                FROM change_log WHERE change_log.seq > ? ORDER BY change_log.seq LIMIT ?)
                UNION ALL
                (SELECT change_seq, 'audit', CAST(NULL AS VARCHAR(120)), FALSE, CAST(NULL AS VARCHAR(1000000)),
                    seq, at, actor, client_id, ip, action, ticket_id, changes, prev_hash, hash
                FROM audit_log WHERE audit_log.change_seq > ? ORDER BY audit_log.change_seq LIMIT ?)
            ) AS changes ORDER BY change_seq LIMIT ?""";

    public List<Row> after(Connection c, long cursor, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>(Math.min(limit, 10_000));
        try (PreparedStatement s = c.prepareStatement(AFTER)) {
            s.setLong(1, cursor);
            s.setInt(2, limit);
            s.setLong(3, cursor);
            s.setInt(4, limit);
            s.setInt(5, limit);
            s.setFetchSize(Math.min(limit, 1000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row(r));
                }
            }
        }
        return rows;
    }

    private static Row row(ResultSet r) throws SQLException {
        long seq = r.getLong("change_seq");
        String data = r.getString("data");
        if (data != null) {
            return new Row(seq, r.getString("entity"), r.getString("entity_id"), r.getBoolean("deleted"), data);
        }
        AuditEntry entry = AuditRows.entry(r, null);
        String snapshot = AuditRows.snapshot(entry, r.getString("changes"));
        return new Row(seq, EntityType.AUDIT.wire(), Long.toString(entry.seq()), false, snapshot);
    }

    public long head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT head FROM sync_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
