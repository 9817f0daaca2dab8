package dev.ticketsync.server.sync;

import dev.ticketsync.server.store.DeviceRows.DeviceRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each device last pulled and how far, as this instance saw it. A pull is a read: writing the device row on every
 * one made each pull a commit (the busiest path of 200 syncing devices, and a step of every propagation). The row is
 * written when this instance first sees the device and then at most every {@link #WRITE_EVERY}; the admin console reads
 * the row with the fresher figures from here laid over it, so it stays exact for devices pulling from this instance.
 * After a crash a row's last-seen time and cursor may be up to {@link #WRITE_EVERY} old: they are information, nothing
 * in the protocol reads them.
 */
public final class DeviceSightings {

    static final Duration WRITE_EVERY = Duration.ofSeconds(10);

    private record Sighting(Instant at, long cursor, Instant written) {}

    private final Map<UUID, Sighting> latest = new ConcurrentHashMap<>();

    /** Records a pull; true when the device row is due to be written with it. */
    boolean pulled(UUID clientId, Instant at, long cursor) {
        boolean[] due = new boolean[1];
        latest.compute(clientId, (id, old) -> {
            due[0] = old == null || !at.isBefore(old.written().plus(WRITE_EVERY));
            return new Sighting(
                    old == null || at.isAfter(old.at()) ? at : old.at(),
                    old == null ? cursor : Math.max(cursor, old.cursor()),
                    due[0] ? at : old.written());
        });
        return due[0];
    }

    /** {@code row} with the pulls seen here since it was written laid over it. */
    public DeviceRow overlay(DeviceRow row) {
        Sighting seen = latest.get(row.clientId());
        if (seen == null) {
            return row;
        }
        return new DeviceRow(
                row.clientId(),
                row.user(),
                row.createdAt(),
                seen.at().isAfter(row.lastSeenAt()) ? seen.at() : row.lastSeenAt(),
                row.lastMutationId(),
                Math.max(row.cursor(), seen.cursor()),
                row.revokedAt());
    }
}
