package dev.ticketsync.server.sync;

import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.store.DeviceRows;
import dev.ticketsync.server.store.DeviceRows.DeviceRow;
import dev.ticketsync.server.store.DeviceRows.Sighting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each device last pulled and how far, as this instance saw it. A pull is a read: writing the device row in every
 * one made each pull a commit, and 200 devices' pulls queued on H2's commit lock ahead of the pushes. Sightings are
 * kept here and written for all devices at once every {@link #FLUSH_EVERY} (one write transaction) and when the server
 * stops; the admin console lays them over the rows, so it stays exact for devices pulling from this instance. After a
 * crash a row's last pull time and cursor may be up to {@link #FLUSH_EVERY} old: they are information for people,
 * nothing in the protocol reads them.
 */
public final class DeviceSightings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSightings.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(10);

    private record Seen(Instant at, long cursor, boolean written) {}

    private final Writer writer;
    private final DeviceRows devices = new DeviceRows();
    private final Map<UUID, Seen> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "device-sightings");
        thread.setDaemon(true);
        return thread;
    });

    public DeviceSightings(Writer writer) {
        this.writer = writer;
    }

    /** Starts writing sightings every {@link #FLUSH_EVERY}. */
    public void start() {
        long seconds = FLUSH_EVERY.toSeconds();
        flusher.scheduleWithFixedDelay(this::flushQuietly, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Records a pull that ended at {@code cursor}. */
    void pulled(UUID clientId, Instant at, long cursor) {
        latest.merge(
                clientId,
                new Seen(at, cursor, false),
                (old, now) -> new Seen(
                        now.at().isAfter(old.at()) ? now.at() : old.at(), Math.max(old.cursor(), now.cursor()), false));
    }

    /** {@code row} with the pulls seen here since it was written laid over it. */
    public DeviceRow overlay(DeviceRow row) {
        Seen seen = latest.get(row.clientId());
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

    /** Writes every sighting not yet written, in one write transaction. */
    public void flush() {
        List<Map.Entry<UUID, Seen>> unwritten = latest.entrySet().stream()
                .filter(entry -> !entry.getValue().written())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
        if (unwritten.isEmpty()) {
            return;
        }
        writer.write(unwritten.size(), tx -> {
            devices.sightings(
                    tx.connection(),
                    unwritten.stream()
                            .map(entry -> new Sighting(
                                    entry.getKey(),
                                    entry.getValue().at(),
                                    entry.getValue().cursor()))
                            .toList());
            return null;
        });
        for (Map.Entry<UUID, Seen> entry : unwritten) {
            Seen seen = entry.getValue();
            // A pull since the snapshot keeps its sighting unwritten for the next flush.
            latest.replace(entry.getKey(), seen, new Seen(seen.at(), seen.cursor(), true));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Kept for the next flush; the rows are information only.
            LOG.warn("could not write device sightings; will retry", e);
        }
    }

    /** Stops the periodic flush and writes what is left, while the database is still open. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flushQuietly();
    }
}
