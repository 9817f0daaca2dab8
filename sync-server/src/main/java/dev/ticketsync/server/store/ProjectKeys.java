package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The last number handed out per project for human keys (OPS-1, OPS-2, …); read and moved under the writer lock. */
public final class ProjectKeys {

    private final String upsert;

    public ProjectKeys(Dialect dialect) {
        this.upsert = dialect.upsert("projects", 1, "project", "last_number");
    }

    /** The last number handed out in {@code project}; 0 before its first ticket. */
    public long lastNumber(Connection c, String project) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_number FROM projects WHERE project = ?")) {
            s.setString(1, project);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    public void saveLastNumber(Connection c, String project, long number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(upsert)) {
            s.setString(1, project);
            s.setLong(2, number);
            s.executeUpdate();
        }
    }
}
