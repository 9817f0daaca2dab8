package dev.ticketsync.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the admin sync console reads from the server (leads and admins): devices, rejected mutations, server stats, the
 * audit log and its chain verification. Rides on the session's {@link SyncClient} (same token, connections and
 * errors: a refusal is a {@link ServerError}, an unreachable server an {@link IOException}).
 */
public final class AdminClient {

    /** A console call gives up after this long, so a hung server shows as an error within one refresh or two. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SyncClient client;

    public AdminClient(SyncClient client) {
        this.client = client;
    }

    /** One device (installed replica): its user, how far it has pulled, and whether it is connected right now. */
    public record DeviceStatus(
            UUID clientId,
            String user,
            Instant createdAt,
            Instant lastSeenAt,
            long lastMutationId,
            long cursor,
            long lag,
            boolean connected,
            boolean revoked) {}

    /** A mutation the server refused; {@code ticketKey} is null when the ticket was never created. */
    public record Rejection(
            UUID clientId,
            long mutationId,
            String user,
            String command,
            UUID ticketId,
            String ticketKey,
            String code,
            String message,
            Instant at) {}

    /** The server's counters; the per-minute rates cover the last minute. */
    public record ServerStats(
            long head,
            long tickets,
            long openTickets,
            long devices,
            long connectedDevices,
            long connectedStreams,
            long pushesPerMinute,
            long pullsPerMinute,
            long mutationsAccepted,
            long mutationsRejected,
            long auditEntries) {}

    /**
     * Which audit entries to list, newest first; null fields match everything. {@code ticket} is a key or an id,
     * {@code since} is inclusive and {@code until} exclusive, {@code before} the seq to continue below.
     */
    public record AuditQuery(
            String ticket, String actor, AuditAction action, Instant since, Instant until, Long before, int limit) {

        public AuditQuery {
            if (limit < 1 || limit > 500) {
                throw new IllegalArgumentException("limit must be 1-500, got " + limit);
            }
        }

        public AuditQuery before(Long seq) {
            return new AuditQuery(ticket, actor, action, since, until, seq, limit);
        }

        public AuditQuery withLimit(int entries) {
            return new AuditQuery(ticket, actor, action, since, until, before, entries);
        }
    }

    /** An audit entry with the key of its ticket (null for entries about no ticket, such as a login). */
    public record AuditRow(AuditEntry entry, String ticketKey) {}

    /** A page of entries and the seq to continue below, null on the last page. */
    public record AuditPage(List<AuditRow> rows, Long nextBefore) {}

    /** The chain check: ok with the number of entries checked, or the seq of the first entry that is not. */
    public record Verification(boolean ok, long entries, Long firstBadSeq) {}

    public List<DeviceStatus> devices() throws IOException {
        return items(get("/api/v1/admin/devices", Map.of()), DeviceStatus.class);
    }

    public List<Rejection> rejections(int limit) throws IOException {
        return items(get("/api/v1/admin/rejections", Map.of("limit", Integer.toString(limit))), Rejection.class);
    }

    public ServerStats stats() throws IOException {
        return Json.lenient().treeToValue(get("/api/v1/admin/stats", Map.of()), ServerStats.class);
    }

    public AuditPage audit(AuditQuery query) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order", "desc");
        params.put("limit", Integer.toString(query.limit()));
        params.put("ticket", query.ticket());
        params.put("actor", query.actor());
        params.put("action", query.action() == null ? null : query.action().name());
        params.put("since", query.since() == null ? null : query.since().toString());
        params.put("until", query.until() == null ? null : query.until().toString());
        params.put("cursor", query.before() == null ? null : query.before().toString());
        JsonNode page = get("/api/v1/audit", params);
        List<AuditRow> rows = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            JsonNode key = item.path("ticketKey");
            rows.add(new AuditRow(
                    Json.lenient().treeToValue(item, AuditEntry.class), key.isTextual() ? key.asText() : null));
        }
        JsonNode next = page.path("nextCursor");
        return new AuditPage(rows, next.isMissingNode() || next.isNull() ? null : Long.parseLong(next.asText()));
    }

    public Verification verify() throws IOException {
        return Json.lenient().treeToValue(get("/api/v1/audit/verify", Map.of()), Verification.class);
    }

    private JsonNode get(String path, Map<String, String> query) throws IOException {
        return Json.lenient().readTree(client.get(path, query, TIMEOUT));
    }

    private static <T> List<T> items(JsonNode page, Class<T> type) throws IOException {
        List<T> items = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            items.add(Json.lenient().treeToValue(item, type));
        }
        return List.copyOf(items);
    }
}
