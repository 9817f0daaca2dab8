package dev.ticketsync.desktop.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Mutations made on this device that a complete pull has not yet confirmed, in the order they were made. */
final class Outbox {

    void append(Connection c, PendingMutation mutation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO outbox (mutation_id, command, args, ticket_id, client_time, acked, attempts)
                VALUES (?, ?, ?, ?, ?, FALSE, 0)""")) {
            s.setLong(1, mutation.mutationId());
            s.setString(2, mutation.command().name().wire());
            s.setString(3, CommandCodec.encode(mutation.command()).toString());
            s.setObject(4, mutation.command().ticketId());
            s.setObject(5, OffsetDateTime.ofInstant(mutation.clientTime(), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    List<PendingMutation> all(Connection c) throws SQLException {
        List<PendingMutation> pending = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT mutation_id, command, args, client_time, acked, attempts FROM outbox ORDER BY mutation_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                pending.add(new PendingMutation(
                        r.getLong(1),
                        decode(r.getString(2), r.getString(3)),
                        r.getObject(4, OffsetDateTime.class).toInstant(),
                        r.getBoolean(5),
                        r.getInt(6)));
            }
        }
        return pending;
    }

    void markAcked(Connection c, Collection<Long> ids) throws SQLException {
        update(c, "UPDATE outbox SET acked = TRUE WHERE mutation_id = ?", ids);
    }

    /**
     * Makes the mutations after {@code serverLast} unsent and numbers them on from {@code serverLast + 1}, in their
     * order; returns how many there are.
     */
    int renumberAfter(Connection c, long serverLast) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT mutation_id FROM outbox WHERE mutation_id > ? ORDER BY mutation_id")) {
            s.setLong(1, serverLast);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("UPDATE outbox SET mutation_id = ?, acked = FALSE WHERE mutation_id = ?")) {
            long next = serverLast + 1;
            for (long id : ids) {
                // Negative first, so no new number collides with an old one on the way.
                s.setLong(1, -next++);
                s.setLong(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s =
                c.prepareStatement("UPDATE outbox SET mutation_id = -mutation_id WHERE mutation_id < 0")) {
            s.executeUpdate();
        }
        return ids.size();
    }

    void remove(Connection c, Collection<Long> ids) throws SQLException {
        update(c, "DELETE FROM outbox WHERE mutation_id = ?", ids);
    }

    /** Drops the accepted mutations a complete pull has confirmed: their effects are in server state now. */
    int confirm(Connection c, long lastMutationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE acked AND mutation_id <= ?")) {
            s.setLong(1, lastMutationId);
            return s.executeUpdate();
        }
    }

    /**
     * Closes the gap a given-up mutation leaves: later ones move down by one, so the server (which never applied the
     * failed one — a 5xx rolls its whole batch back) still sees consecutive ids.
     */
    void closeGap(Connection c, long mutationId) throws SQLException {
        // The ones after a given-up or withdrawn mutation were never sent: renumbering leaves them unsent as they are.
        renumberAfter(c, mutationId - 1);
    }

    int countAttempt(Connection c, long mutationId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE mutation_id = ?")) {
            s.setLong(1, mutationId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT attempts FROM outbox WHERE mutation_id = ?")) {
            s.setLong(1, mutationId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static void update(Connection c, String sql, Collection<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (long id : ids) {
                s.setLong(1, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static Command decode(String command, String args) {
        try {
            JsonNode node = Json.strict().readTree(args);
            return CommandCodec.decode(command, node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox entry", e);
        }
    }
}
