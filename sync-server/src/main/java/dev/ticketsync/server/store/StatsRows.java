package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts the admin console and /metrics show. */
public final class StatsRows {

    private static final Map<String, String> COUNTS = counts();

    private static Map<String, String> counts() {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("head", "SELECT head FROM sync_state WHERE id = 1");
        counts.put("tickets", "SELECT COUNT(*) FROM tickets");
        counts.put(
                "openTickets",
                "SELECT COUNT(*) FROM tickets WHERE status IN ('new', 'triaged', 'in_progress', 'waiting', 'on_hold')");
        counts.put("comments", "SELECT COUNT(*) FROM comments");
        counts.put("users", "SELECT COUNT(*) FROM users WHERE active");
        counts.put("devices", "SELECT COUNT(*) FROM devices WHERE revoked_at IS NULL");
        counts.put("auditEntries", "SELECT audit_seq FROM sync_state WHERE id = 1");
        return counts;
    }

    /** Every count by name, read on one connection. */
    public Map<String, Long> read(Connection c) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> count : COUNTS.entrySet()) {
            try (PreparedStatement s = c.prepareStatement(count.getValue());
                    ResultSet r = s.executeQuery()) {
                r.next();
                values.put(count.getKey(), r.getLong(1));
            }
        }
        return values;
    }
}
