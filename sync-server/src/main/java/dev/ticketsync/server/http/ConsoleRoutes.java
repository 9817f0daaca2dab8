package dev.ticketsync.server.http;

import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.workflow.Permission;
import dev.ticketsync.model.workflow.RolePolicy;
import dev.ticketsync.server.auth.AuthService;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.store.ChangeLogReader;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.DeviceRows;
import dev.ticketsync.server.store.Dialect;
import dev.ticketsync.server.store.MutationOutcomes;
import dev.ticketsync.server.store.StatsRows;
import dev.ticketsync.server.sync.DeviceSightings;
import dev.ticketsync.server.sync.EventHub;
import dev.ticketsync.server.sync.SyncStats;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The admin sync console's data: devices and their lag, rejected mutations, server stats, metrics, backups. */
public final class ConsoleRoutes {

    private static final DateTimeFormatter BACKUP_NAME =
            DateTimeFormatter.ofPattern("'ticketsync-'yyyyMMdd-HHmmss'.zip'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final Writer writer;
    private final EventHub events;
    private final SyncStats stats;
    private final DeviceSightings sightings;
    private final Path backupDir;
    private final DeviceRows devices = new DeviceRows();
    private final MutationOutcomes outcomes = new MutationOutcomes();
    private final ChangeLogReader changeLog = new ChangeLogReader();
    private final StatsRows statsRows = new StatsRows();

    public ConsoleRoutes(
            Database database,
            Writer writer,
            EventHub events,
            SyncStats stats,
            DeviceSightings sightings,
            Path backupDir) {
        this.database = database;
        this.writer = writer;
        this.events = events;
        this.stats = stats;
        this.sightings = sightings;
        this.backupDir = backupDir;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/devices", this::devices, Access.CONSOLE);
        routes.get("/api/v1/admin/rejections", this::rejections, Access.CONSOLE);
        routes.get("/api/v1/admin/stats", ctx -> JsonBodies.ok(ctx, stats()), Access.CONSOLE);
        routes.post("/api/v1/admin/devices/{clientId}/revoke", this::revokeDevice, Access.USERS);
        routes.post("/api/v1/admin/backup", this::backup, Access.USERS);
        routes.get("/metrics", this::metrics, Access.STAFF);
    }

    private void devices(Context ctx) {
        Set<String> connected = connectedDevices();
        List<Map<String, Object>> items = new ArrayList<>();
        long head = database.read(changeLog::head);
        for (DeviceRows.DeviceRow stored : database.read(devices::all)) {
            DeviceRows.DeviceRow device = sightings.overlay(stored);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("clientId", device.clientId());
            item.put("user", device.user());
            item.put("createdAt", device.createdAt());
            item.put("lastSeenAt", device.lastSeenAt());
            item.put("lastMutationId", device.lastMutationId());
            item.put("cursor", device.cursor());
            item.put("lag", Math.max(0, head - device.cursor()));
            item.put("connected", connected.contains(device.clientId().toString()));
            item.put("revoked", device.revokedAt() != null);
            items.add(item);
        }
        JsonBodies.page(ctx, items, (long) items.size(), null);
    }

    /** The devices with an open event stream ("online now"); one device may hold more than one stream. */
    private Set<String> connectedDevices() {
        return events.streams().stream()
                .map(EventHub.Stream::clientId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
    }

    private void rejections(Context ctx) {
        int limit = QueryParams.of(ctx, Set.of("limit")).intIn("limit", 1, 500, 100);
        JsonBodies.page(ctx, database.read(c -> outcomes.recentRejections(c, limit)), null, null);
    }

    private Map<String, Object> stats() {
        Map<String, Object> body = new LinkedHashMap<>(database.read(statsRows::read));
        body.put("connectedStreams", events.streams().size());
        body.put("connectedDevices", connectedDevices().size());
        body.put("pushesPerMinute", stats.pushesLastMinute());
        body.put("pullsPerMinute", stats.pullsLastMinute());
        body.put("mutationsAccepted", stats.accepted());
        body.put("mutationsRejected", stats.rejected());
        return body;
    }

    private void revokeDevice(Context ctx) {
        UUID clientId;
        try {
            clientId = UUID.fromString(ctx.pathParam("clientId"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("clientId", "must be a UUID");
        }
        Principal admin = Authentication.principal(ctx);
        boolean found = writer.write(tx -> {
            if (devices.find(tx.connection(), clientId).isEmpty()) {
                return false;
            }
            devices.revoke(tx.connection(), clientId, tx.now());
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            changes.put("clientId", new ValueChange(null, clientId.toString()));
            tx.audit(admin.login(), null, ctx.ip(), AuditAction.DEVICE_REVOKED, null, changes);
            return true;
        });
        if (!found) {
            throw ApiException.notFound("There is no device " + clientId);
        }
        JsonBodies.ok(ctx, Map.of("clientId", clientId, "revoked", true));
    }

    /** Backups go to the server's own backup directory: a client never chooses a path on the server. */
    private void backup(Context ctx) {
        if (database.dialect() != Dialect.H2) {
            throw new ApiException(
                    409, ErrorCode.CONFLICT, "This server runs on PostgreSQL: back it up with pg_dump", null);
        }
        try {
            Files.createDirectories(backupDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + backupDir, e);
        }
        Path file = backupDir.resolve(BACKUP_NAME.format(java.time.Instant.now()));
        database.backupTo(file);
        Principal admin = Authentication.principal(ctx);
        writer.write(tx -> {
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            changes.put("file", new ValueChange(null, file.getFileName().toString()));
            return tx.audit(admin.login(), null, ctx.ip(), AuditAction.BACKUP_WRITTEN, null, changes);
        });
        JsonBodies.write(ctx, 201, Map.of("file", file.toAbsolutePath().toString()));
    }

    /** Prometheus text; for leads, admins and API tokens (scrapers). */
    private void metrics(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        if (!AuthService.API.equals(principal.tokenKind())
                && !RolePolicy.allows(principal.role(), Permission.READ_ADMIN_CONSOLE)) {
            throw ApiException.forbidden("Metrics are for leads, admins and API tokens");
        }
        Map<String, Object> s = stats();
        StringBuilder text = new StringBuilder();
        gauge(text, "ticketsync_head_seq", "Newest change-log seq", s.get("head"));
        gauge(text, "ticketsync_tickets", "Tickets", s.get("tickets"));
        gauge(text, "ticketsync_open_tickets", "Open tickets", s.get("openTickets"));
        gauge(text, "ticketsync_devices", "Devices not revoked", s.get("devices"));
        gauge(text, "ticketsync_event_streams", "Open event streams", s.get("connectedStreams"));
        counter(text, "ticketsync_pushes_total", "Push requests since start", stats.pushes());
        counter(text, "ticketsync_pulls_total", "Pull requests since start", stats.pulls());
        counter(text, "ticketsync_mutations_accepted_total", "Mutations accepted since start", stats.accepted());
        counter(text, "ticketsync_mutations_rejected_total", "Mutations rejected since start", stats.rejected());
        counter(text, "ticketsync_writes_total", "Writes (commands, pushes, logins) since start", writer.writes());
        counter(
                text,
                "ticketsync_write_transactions_total",
                "Write transactions since start; concurrent writes share one (group commit)",
                writer.transactions());
        ctx.contentType("text/plain; version=0.0.4").result(text.toString());
    }

    private static void gauge(StringBuilder text, String name, String help, Object value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ")
                .append(name)
                .append(" gauge\n")
                .append(name)
                .append(' ')
                .append(value)
                .append('\n');
    }

    private static void counter(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ")
                .append(name)
                .append(" counter\n")
                .append(name)
                .append(' ')
                .append(value)
                .append('\n');
    }
}
