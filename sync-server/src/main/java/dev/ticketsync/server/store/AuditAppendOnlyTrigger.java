package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of "the database refuses UPDATE and DELETE on the audit log" (DESIGN.md §6). */
public final class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only", "45000");
    }
}
