package dev.ticketsync.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.audit.AuditVerifier;
import dev.ticketsync.server.store.AuditRows;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TicketRows;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading the audit log: a ticket's own trail (all staff), the global query and chain verification (leads, admins). */
public final class AuditRoutes {

    private static final Set<String> PARAMS =
            Set.of("ticket", "actor", "action", "since", "until", "order", "limit", "cursor");

    private final Database database;
    private final TicketRows tickets;
    private final AuditVerifier verifier;
    private final AuditRows audit = new AuditRows();

    public AuditRoutes(Database database, TicketRows tickets, AuditVerifier verifier) {
        this.database = database;
        this.tickets = tickets;
        this.verifier = verifier;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tickets/{ref}/audit", this::ticketTrail, Access.STAFF);
        routes.get("/api/v1/audit", this::query, Access.CONSOLE);
        routes.get("/api/v1/audit/verify", ctx -> JsonBodies.ok(ctx, verifier.verify()), Access.CONSOLE);
    }

    private void ticketTrail(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("limit", "cursor"));
        String ref = ctx.pathParam("ref");
        UUID ticketId = ticketId(ref).orElseThrow(() -> ApiException.notFound("There is no ticket " + ref));
        page(ctx, new AuditRows.Filter(ticketId, null, null, null, null, cursor(params), false, limit(params)));
    }

    private void query(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PARAMS);
        String ticket = params.one("ticket");
        Instant since = instant(params, "since");
        Instant until = instant(params, "until");
        if (since != null && until != null && !until.isAfter(since)) {
            throw ApiException.invalid("until", "must be after since");
        }
        page(
                ctx,
                new AuditRows.Filter(
                        ticket == null
                                ? null
                                : ticketId(ticket)
                                        .orElseThrow(() -> ApiException.invalid(
                                                "ticket", "there is no ticket with the key or id '" + ticket + "'")),
                        params.one("actor"),
                        action(params.one("action")),
                        since,
                        until,
                        cursor(params),
                        newestFirst(params.one("order")),
                        limit(params)));
    }

    /** A ticket named by its id or its key (what people type: OPS-42). */
    private Optional<UUID> ticketId(String ref) {
        return database.read(c -> {
                    try {
                        return tickets.find(c, UUID.fromString(ref));
                    } catch (IllegalArgumentException notAnId) {
                        return tickets.findByKey(c, ref.trim().toUpperCase(Locale.ROOT));
                    }
                })
                .map(Ticket::id);
    }

    private void page(Context ctx, AuditRows.Filter filter) {
        List<AuditRows.Listed> listed = database.read(c -> audit.page(c, filter));
        List<ObjectNode> items = new ArrayList<>(listed.size());
        for (AuditRows.Listed entry : listed) {
            ObjectNode item = Json.strict().valueToTree(entry.entry());
            item.put("ticketKey", entry.ticketKey());
            items.add(item);
        }
        String next = listed.size() < filter.limit()
                ? null
                : Long.toString(listed.get(listed.size() - 1).entry().seq());
        JsonBodies.page(ctx, items, null, next);
    }

    private static int limit(QueryParams params) {
        return params.intIn("limit", 1, 500, 100);
    }

    private static Long cursor(QueryParams params) {
        return params.one("cursor") == null ? null : params.longAtLeast("cursor", 0, 0);
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.equals("asc")) {
            return false;
        }
        if (order.equals("desc")) {
            return true;
        }
        throw ApiException.invalid("order", "must be asc (oldest first) or desc (newest first), got '" + order + "'");
    }

    private static AuditAction action(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(AuditAction.values())
                .filter(action -> action.name().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalid("action", "unknown action '" + value + "'"));
    }

    private static Instant instant(QueryParams params, String name) {
        String value = params.one(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }
}
