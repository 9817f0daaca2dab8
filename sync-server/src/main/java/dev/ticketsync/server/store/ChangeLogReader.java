package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the change log for pulls: the entities whose latest change is after a cursor, in seq order. */
public final class ChangeLogReader {

    /** One change-log row, its snapshot still as the JSON text it was stored as. */
    public record Row(long seq, String entity, String id, boolean deleted, String data) {}

    public List<Row> after(Connection c, long cursor, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>(Math.min(limit, 10_000));
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, entity, entity_id, deleted, data FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, cursor);
            s.setInt(2, limit);
            s.setFetchSize(Math.min(limit, 1000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5)));
                }
            }
        }
        return rows;
    }

    public long head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT head FROM sync_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
