package dev.ticketsync.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets as rows: the JSON snapshot plus the columns lists filter on, and their tags and blockers. */
public final class TicketRows {

    private static final ObjectWriter SNAPSHOT = Json.strict().writerFor(Ticket.class);

    private static final List<String> COLUMNS = List.of(
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
            "data",
            "id");
    private static final String INSERT = "INSERT INTO tickets (" + String.join(", ", COLUMNS) + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";
    private static final String UPDATE =
            "UPDATE tickets SET " + String.join(" = ?, ", COLUMNS.subList(0, COLUMNS.size() - 1)) + " = ? WHERE id = ?";

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

    /** Writes a new ticket's row and its tag and blocker rows; returns the snapshot JSON written. */
    public String insert(Connection c, Ticket ticket) throws SQLException {
        String data = snapshot(ticket);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, ticket, data);
            s.executeUpdate();
        }
        insert(c, "ticket_tags", "tag", ticket.id(), ticket.tags());
        insert(c, "ticket_blockers", "blocker_id", ticket.id(), ticket.blockedBy());
        return data;
    }

    /**
     * Rewrites an existing ticket's row, and its tag and blocker rows where those changed; returns the snapshot JSON
     * written.
     */
    public String update(Connection c, Ticket before, Ticket after) throws SQLException {
        String data = snapshot(after);
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            bind(s, after, data);
            s.executeUpdate();
        }
        if (!after.tags().equals(before.tags())) {
            replace(c, "ticket_tags", "tag", after.id(), after.tags());
        }
        if (!after.blockedBy().equals(before.blockedBy())) {
            replace(c, "ticket_blockers", "blocker_id", after.id(), after.blockedBy());
        }
        return data;
    }

    private static String snapshot(Ticket ticket) {
        try {
            return SNAPSHOT.writeValueAsString(ticket);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ticket " + ticket.id() + " as JSON", e);
        }
    }

    /** Binds the values in {@link #COLUMNS} order. */
    private static void bind(PreparedStatement s, Ticket ticket, String data) throws SQLException {
        s.setString(1, ticket.key());
        s.setString(2, ticket.project());
        s.setString(3, ticket.status().wire());
        s.setString(4, ticket.priority().wire());
        s.setString(5, ticket.assignee());
        s.setString(6, ticket.reporter());
        s.setString(7, ticket.title());
        s.setString(8, ticket.description());
        Rows.instant(s, 9, ticket.updatedAt());
        s.setLong(10, ticket.version());
        s.setString(11, data);
        s.setObject(12, ticket.id());
    }

    private static void replace(Connection c, String table, String column, UUID ticketId, Collection<?> values)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE ticket_id = ?")) {
            delete.setObject(1, ticketId);
            delete.executeUpdate();
        }
        insert(c, table, column, ticketId, values);
    }

    private static void insert(Connection c, String table, String column, UUID ticketId, Collection<?> values)
            throws SQLException {
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

    public static Ticket parse(String data) {
        try {
            return Json.lenient().readValue(data, Ticket.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ticket snapshot", e);
        }
    }
}
