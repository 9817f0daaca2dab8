package dev.ticketsync.server.http;

import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.server.audit.AuditVerifier;
import dev.ticketsync.server.store.AuditRows;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TicketRows;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reading the audit log: a ticket's own trail (all staff), the global query and chain verification (leads, admins). */
public final class AuditRoutes {

    private static final Set<String> PARAMS = Set.of("ticket", "actor", "action", "since", "limit", "cursor");

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
        UUID ticketId = database.read(c -> {
                    try {
                        return tickets.find(c, UUID.fromString(ref));
                    } catch (IllegalArgumentException notAnId) {
                        return tickets.findByKey(c, ref);
                    }
                })
                .orElseThrow(() -> ApiException.notFound("There is no ticket " + ref))
                .id();
        page(ctx, new AuditRows.Filter(ticketId, null, null, null, cursor(params), limit(params)));
    }

    private void query(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PARAMS);
        page(
                ctx,
                new AuditRows.Filter(
                        params.uuid("ticket"),
                        params.one("actor"),
                        action(params.one("action")),
                        since(params.one("since")),
                        cursor(params),
                        limit(params)));
    }

    private void page(Context ctx, AuditRows.Filter filter) {
        List<AuditEntry> items = database.read(c -> audit.page(c, filter));
        String next = items.size() < filter.limit()
                ? null
                : Long.toString(items.get(items.size() - 1).seq());
        JsonBodies.page(ctx, items, null, next);
    }

    private static int limit(QueryParams params) {
        return params.intIn("limit", 1, 500, 100);
    }

    private static long cursor(QueryParams params) {
        return params.longAtLeast("cursor", 0, 0);
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

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("since", "must be an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }
}
