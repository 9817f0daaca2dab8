package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices: one per installed replica, with its owner, last mutation and pull cursor. */
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

    /** A pull seen by the server: when, and up to which seq. */
    public record Sighting(UUID clientId, Instant at, long cursor) {}

    /**
     * Writes pulls seen since the last time, in one batch. A push may have stamped a later last-seen time meanwhile, so
     * the later of the two stays.
     */
    public void sightings(Connection c, List<Sighting> sightings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE devices SET last_seen_at = GREATEST(last_seen_at, ?), pull_cursor = ?
                WHERE client_id = ?""")) {
            for (Sighting sighting : sightings) {
                Rows.instant(s, 1, sighting.at());
                s.setLong(2, sighting.cursor());
                s.setObject(3, sighting.clientId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public void revoke(Connection c, UUID clientId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE devices SET revoked_at = ? WHERE client_id = ?")) {
            Rows.instant(s, 1, now);
            s.setObject(2, clientId);
            s.executeUpdate();
        }
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
