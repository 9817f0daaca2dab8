package dev.ticketsync.server.sync;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.store.ChangeLogReader;
import dev.ticketsync.server.store.ChangeLogReader.Row;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.DeviceRows;
import dev.ticketsync.server.store.DeviceRows.DeviceRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Serves pull pages (DESIGN.md §5). The device's lastMutationId is read before the page: every mutation it covers
 * committed before the page was read, so its changes are in this page or an earlier one — the guarantee the desktop
 * relies on to drop a pending mutation only once its effects have arrived.
 */
public final class PullService {

    public static final int MAX_LIMIT = 5000;
    public static final int DEFAULT_LIMIT = 1000;

    private final Database database;
    private final Writer writer;
    private final Clock clock;
    private final ChangeLogReader changes = new ChangeLogReader();
    private final DeviceRows devices = new DeviceRows();

    private final SyncStats stats;
    private final DeviceSightings sightings;
    /**
     * Pages read and written at once, at most one per core. A pull is pure CPU (an index range scan and JSON), and 200
     * devices pulling after every push would otherwise be 200 runnable threads sharing the cores with the one writer,
     * which then gets a two-hundredth of them and makes every push wait. Pulls queue here instead, fairly.
     */
    private final Semaphore gate =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    public PullService(Database database, Writer writer, Clock clock, SyncStats stats, DeviceSightings sightings) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
        this.stats = stats;
        this.sightings = sightings;
    }

    /** The page as JSON bytes, written straight from the stored snapshots without parsing them. */
    public byte[] pull(Principal principal, UUID clientId, long cursor, int limit) {
        Optional<DeviceRow> known = database.read(c -> devices.find(c, clientId));
        DeviceRow device = known.isPresent()
                ? DeviceAccess.check(known.get(), principal)
                : writer.write(tx -> DeviceAccess.claim(tx.connection(), devices, clientId, principal, tx.now()));
        stats.pulled();
        gate.acquireUninterruptibly();
        try {
            return page(clientId, device, cursor, limit);
        } finally {
            gate.release();
        }
    }

    private byte[] page(UUID clientId, DeviceRow device, long cursor, int limit) {
        return database.read(c -> {
            long lastMutationId =
                    devices.find(c, device.clientId()).orElseThrow().lastMutationId();
            long head = changes.head(c);
            List<Row> rows = changes.after(c, cursor, limit + 1);
            boolean hasMore = rows.size() > limit;
            List<Row> page = hasMore ? rows.subList(0, limit) : rows;
            long pageCursor =
                    page.isEmpty() ? cursor : page.get(page.size() - 1).seq();
            // A pull is a read: the device row is written later, with every other device's (DeviceSightings).
            sightings.pulled(clientId, clock.instant(), pageCursor);
            long newest = page.isEmpty()
                    ? head
                    : Math.max(head, page.get(page.size() - 1).seq());
            return write(page, pageCursor, newest, hasMore, lastMutationId);
        });
    }

    private static byte[] write(List<Row> page, long cursor, long head, boolean hasMore, long lastMutationId) {
        int estimate = page.stream().mapToInt(row -> row.data().length() + 80).sum() + 128;
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
        try (JsonGenerator json = Json.strict().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("changes");
            for (Row row : page) {
                json.writeStartObject();
                json.writeNumberField("seq", row.seq());
                json.writeStringField("entity", row.entity());
                json.writeStringField("id", row.id());
                json.writeFieldName("data");
                json.writeRawValue(row.data());
                if (row.deleted()) {
                    json.writeBooleanField("deleted", true);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("cursor", cursor);
            json.writeNumberField("head", head);
            json.writeBooleanField("hasMore", hasMore);
            json.writeNumberField("lastMutationId", lastMutationId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
