package dev.ticketsync.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets as rows: the JSON snapshot plus the columns lists filter on, and their tags and blockers. */
public final class TicketRows {

    private final String upsert;

    public TicketRows(Dialect dialect) {
        this.upsert = dialect.upsert(
                "tickets",
                1,
                "id",
                "ticket_key",
                "project",
                "status",
                "priority",
                "assignee",
                "reporter",
                "title",
                "description",
                "updated_at",
                "version",
                "data");
    }

    public Optional<Ticket> find(Connection c, UUID id) throws SQLException {
        return one(c, "SELECT data FROM tickets WHERE id = ?", id);
    }

    public Optional<Ticket> findByKey(Connection c, String key) throws SQLException {
        return one(c, "SELECT data FROM tickets WHERE ticket_key = ?", key);
    }

    private Optional<Ticket> one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(parse(r.getString(1))) : Optional.empty();
            }
        }
    }

    /** Writes the ticket's row and its tag and blocker rows; returns the snapshot JSON written. */
    public String save(Connection c, Ticket ticket) throws SQLException {
        String data = Json.strict().valueToTree(ticket).toString();
        try (PreparedStatement s = c.prepareStatement(upsert)) {
            s.setObject(1, ticket.id());
            s.setString(2, ticket.key());
            s.setString(3, ticket.project());
            s.setString(4, ticket.status().wire());
            s.setString(5, ticket.priority().wire());
            s.setString(6, ticket.assignee());
            s.setString(7, ticket.reporter());
            s.setString(8, ticket.title());
            s.setString(9, ticket.description());
            Rows.instant(s, 10, ticket.updatedAt());
            s.setLong(11, ticket.version());
            s.setString(12, data);
            s.executeUpdate();
        }
        replace(c, "ticket_tags", "tag", ticket.id(), new ArrayList<>(ticket.tags()));
        replace(c, "ticket_blockers", "blocker_id", ticket.id(), new ArrayList<>(ticket.blockedBy()));
        return data;
    }

    private static void replace(Connection c, String table, String column, UUID ticketId, List<?> values)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE ticket_id = ?")) {
            delete.setObject(1, ticketId);
            delete.executeUpdate();
        }
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO " + table + " (ticket_id, " + column + ") VALUES (?, ?)")) {
            for (Object value : values) {
                insert.setObject(1, ticketId);
                insert.setObject(2, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Tickets that list {@code blockerId} among their blockers. */
    public List<UUID> blockedBy(Connection c, UUID blockerId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ticket_id FROM ticket_blockers WHERE blocker_id = ?")) {
            s.setObject(1, blockerId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** The next human key in {@code project}: OPS-1, OPS-2, … */
    public String nextKey(Connection c, Dialect dialect, String project) throws SQLException {
        long number;
        try (PreparedStatement s = c.prepareStatement("SELECT last_number FROM projects WHERE project = ?")) {
            s.setString(1, project);
            try (ResultSet r = s.executeQuery()) {
                number = r.next() ? r.getLong(1) + 1 : 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement(dialect.upsert("projects", 1, "project", "last_number"))) {
            s.setString(1, project);
            s.setLong(2, number);
            s.executeUpdate();
        }
        return project + "-" + number;
    }

    public static Ticket parse(String data) {
        try {
            return Json.lenient().readValue(data, Ticket.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ticket snapshot", e);
        }
    }
}
