package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices (one per installed replica) and the stored outcome of every mutation they pushed. */
public final class DeviceRows {

    /** A device row. */
    public record DeviceRow(
            UUID clientId,
            String user,
            Instant createdAt,
            Instant lastSeenAt,
            long lastMutationId,
            long cursor,
            Instant revokedAt) {}

    /** A stored rejection, for the admin console; {@code ticketKey} is null when the ticket was never created. */
    public record RejectionRow(
            UUID clientId,
            long mutationId,
            String user,
            String command,
            UUID ticketId,
            String ticketKey,
            String code,
            String message,
            Instant at) {}

    public Optional<DeviceRow> find(Connection c, UUID clientId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM devices WHERE client_id = ?")) {
            s.setObject(1, clientId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(device(r)) : Optional.empty();
            }
        }
    }

    public List<DeviceRow> all(Connection c) throws SQLException {
        List<DeviceRow> devices = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM devices ORDER BY last_seen_at DESC");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                devices.add(device(r));
            }
        }
        return devices;
    }

    /**
     * Claims {@code clientId} for {@code user} if nobody has; returns the device as it now stands. Run under the writer
     * lock, so two first contacts cannot race.
     */
    public DeviceRow claim(Connection c, UUID clientId, String user, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO devices (client_id, user_login, created_at, last_seen_at, last_mutation_id, pull_cursor)
                SELECT CAST(? AS UUID), CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                    CAST(? AS TIMESTAMP WITH TIME ZONE), 0, 0
                WHERE NOT EXISTS (SELECT 1 FROM devices WHERE client_id = ?)""")) {
            s.setObject(1, clientId);
            s.setString(2, user);
            Rows.instant(s, 3, now);
            Rows.instant(s, 4, now);
            s.setObject(5, clientId);
            s.executeUpdate();
        }
        return find(c, clientId).orElseThrow();
    }

    public void seen(Connection c, UUID clientId, Instant now, Long lastMutationId, Long cursor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE devices SET last_seen_at = ?,
                    last_mutation_id = COALESCE(?, last_mutation_id),
                    pull_cursor = COALESCE(?, pull_cursor)
                WHERE client_id = ?""")) {
            Rows.instant(s, 1, now);
            s.setObject(2, lastMutationId);
            s.setObject(3, cursor);
            s.setObject(4, clientId);
            s.executeUpdate();
        }
    }

    public void revoke(Connection c, UUID clientId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE devices SET revoked_at = ? WHERE client_id = ?")) {
            Rows.instant(s, 1, now);
            s.setObject(2, clientId);
            s.executeUpdate();
        }
    }

    public void recordOutcome(
            Connection c, UUID clientId, MutationResult result, String command, UUID ticketId, String user, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO mutations (client_id, mutation_id, status, seq, code, message, command, ticket_id,
                    user_login, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, clientId);
            s.setLong(2, result.mutationId());
            s.setString(3, result.status().wire());
            s.setObject(4, result.seq());
            s.setString(5, result.code() == null ? null : result.code().name());
            s.setString(
                    6,
                    result.message() == null || result.message().length() <= 4000
                            ? result.message()
                            : result.message().substring(0, 3999) + "…");
            s.setString(7, command);
            s.setObject(8, ticketId);
            s.setString(9, user);
            Rows.instant(s, 10, now);
            s.executeUpdate();
        }
    }

    /** The stored outcomes of mutations {@code from}..{@code to} of a device, in order. */
    public List<MutationResult> outcomes(Connection c, UUID clientId, long from, long to) throws SQLException {
        List<MutationResult> results = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT mutation_id, status, seq, code, message FROM mutations
                WHERE client_id = ? AND mutation_id BETWEEN ? AND ? ORDER BY mutation_id""")) {
            s.setObject(1, clientId);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String code = r.getString("code");
                    results.add(new MutationResult(
                            r.getLong("mutation_id"),
                            WireName.parse(MutationStatus.class, r.getString("status"))
                                    .orElseThrow(),
                            Rows.nullableLong(r, "seq"),
                            code == null ? null : ErrorCode.valueOf(code),
                            r.getString("message"),
                            null));
                }
            }
        }
        return results;
    }

    public List<RejectionRow> recentRejections(Connection c, int limit) throws SQLException {
        List<RejectionRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT m.*, t.ticket_key FROM mutations m LEFT JOIN tickets t ON t.id = m.ticket_id
                WHERE m.status = 'rejected' ORDER BY m.at DESC, m.mutation_id DESC LIMIT ?""")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new RejectionRow(
                            Rows.uuid(r, "client_id"),
                            r.getLong("mutation_id"),
                            r.getString("user_login"),
                            r.getString("command"),
                            Rows.uuid(r, "ticket_id"),
                            r.getString("ticket_key"),
                            r.getString("code"),
                            r.getString("message"),
                            Rows.instant(r, "at")));
                }
            }
        }
        return rows;
    }

    private static DeviceRow device(ResultSet r) throws SQLException {
        return new DeviceRow(
                Rows.uuid(r, "client_id"),
                r.getString("user_login"),
                Rows.instant(r, "created_at"),
                Rows.instant(r, "last_seen_at"),
                r.getLong("last_mutation_id"),
                r.getLong("pull_cursor"),
                Rows.instant(r, "revoked_at"));
    }
}
