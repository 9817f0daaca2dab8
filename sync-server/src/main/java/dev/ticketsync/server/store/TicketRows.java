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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets as rows: the columns lists filter and sort on, and their tags and blockers. The ticket itself, as JSON, is
 * its latest snapshot in the change log, written there by the write path and read from there by id
 * (docs/decisions/0005-push-write-volume.md).
 */
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
            "id");
    private static final String INSERT = "INSERT INTO tickets (" + String.join(", ", COLUMNS) + ") VALUES ("
            + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";
    private static final int FIND_CHUNK = 100;
    // By the tickets' own key: an IN list on the change log's two-column key would scan every ticket's entry.
    private static final String FIND_ALL = "SELECT " + snapshotOf("t.id") + " FROM tickets t WHERE t.id IN ("
            + String.join(", ", Collections.nCopies(FIND_CHUNK, "?")) + ")";
    private static final String UPDATE =
            "UPDATE tickets SET " + String.join(" = ?, ", COLUMNS.subList(0, COLUMNS.size() - 1)) + " = ? WHERE id = ?";

    /** SQL for the snapshot of the ticket whose id is in {@code idColumn} of the enclosing query. */
    static String snapshotOf(String idColumn) {
        return "(SELECT c.data FROM change_log c WHERE c.entity = 'ticket' AND c.entity_id = CAST(" + idColumn
                + " AS VARCHAR(36)))";
    }

    public Optional<Ticket> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT data FROM change_log WHERE entity = 'ticket' AND entity_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(parse(r.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The tickets among {@code ids} that exist, keyed by id: a batch reads its tickets in a few queries instead of one
     * each.
     */
    public Map<UUID, Ticket> findAll(Connection c, Collection<UUID> ids) throws SQLException {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, Ticket> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += FIND_CHUNK) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + FIND_CHUNK));
            try (PreparedStatement s = c.prepareStatement(FIND_ALL)) {
                for (int i = 0; i < FIND_CHUNK; i++) {
                    // A short chunk repeats its last id, so there is one statement text to prepare.
                    s.setObject(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Ticket ticket = parse(r.getString(1));
                        found.put(ticket.id(), ticket);
                    }
                }
            }
        }
        return found;
    }

    public Optional<Ticket> findByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM tickets WHERE ticket_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? find(c, r.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** Writes a new ticket's row and its tag and blocker rows. */
    public void insert(Connection c, Ticket ticket) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, ticket);
            s.executeUpdate();
        }
        insert(c, "ticket_tags", "tag", ticket.id(), ticket.tags());
        insert(c, "ticket_blockers", "blocker_id", ticket.id(), ticket.blockedBy());
    }

    /** Rewrites an existing ticket's row, and its tag and blocker rows where those changed. */
    public void update(Connection c, Ticket before, Ticket after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            bind(s, after);
            s.executeUpdate();
        }
        if (!after.tags().equals(before.tags())) {
            replace(c, "ticket_tags", "tag", after.id(), after.tags());
        }
        if (!after.blockedBy().equals(before.blockedBy())) {
            replace(c, "ticket_blockers", "blocker_id", after.id(), after.blockedBy());
        }
    }

    /** The ticket as JSON: what the change log holds, pulls send and reads return. */
    public static String snapshot(Ticket ticket) {
        try {
            return SNAPSHOT.writeValueAsString(ticket);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ticket " + ticket.id() + " as JSON", e);
        }
    }

    /** Binds the values in {@link #COLUMNS} order. */
    private static void bind(PreparedStatement s, Ticket ticket) throws SQLException {
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
        s.setObject(11, ticket.id());
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
