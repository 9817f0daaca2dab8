package dev.ticketsync.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.sync.EventHub;
import dev.ticketsync.server.sync.PullService;
import dev.ticketsync.server.sync.PushService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.Set;
import java.util.UUID;

/** The sync protocol's three endpoints (DESIGN.md §5). */
public final class SyncRoutes {

    private final PushService push;
    private final PullService pull;
    private final EventHub events;

    public SyncRoutes(PushService push, PullService pull, EventHub events) {
        this.push = push;
        this.pull = pull;
        this.events = events;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/sync/push", this::push, Access.STAFF);
        routes.get("/api/v1/sync/pull", this::pull, Access.STAFF);
        SseHandler stream = new SseHandler(client -> {
            Context ctx = client.ctx();
            events.open(client, Authentication.principal(ctx).login(), ctx.queryParam("clientId"));
        });
        routes.get(
                "/api/v1/sync/events",
                ctx -> {
                    // Javalin streams only to clients that ask for an event stream; say so instead of an empty 200.
                    String accept = ctx.header("Accept");
                    if (accept == null || !accept.contains("text/event-stream")) {
                        throw ApiException.invalid("Accept", "must be text/event-stream for the event stream");
                    }
                    stream.handle(ctx);
                },
                Access.STAFF);
    }

    private void push(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        JsonBodies.ok(ctx, push.push(principal, pushRequest(ctx, principal), ctx.ip()));
    }

    /**
     * The body read straight into a push request (a batch is large: no tree in between), and its clientId checked.
     * Only a body that fails to read is read again as a tree, so that someone else's clientId is still refused before
     * anything else in the body is judged.
     */
    private PushRequest pushRequest(Context ctx, Principal principal) {
        PushRequest request;
        try {
            request = JsonBodies.read(ctx, PushRequest.class);
        } catch (ApiException invalid) {
            ObjectNode body = JsonBodies.readObject(ctx);
            JsonNode clientId = body.get("clientId");
            if (clientId != null && clientId.isTextual()) {
                try {
                    push.checkOwner(principal, UUID.fromString(clientId.asText()));
                } catch (IllegalArgumentException notAUuid) {
                    // The strict read below names the field.
                }
            }
            JsonBodies.treeTo(body, PushRequest.class);
            throw invalid;
        }
        push.checkOwner(principal, request.clientId());
        return request;
    }

    private void pull(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("clientId", "cursor", "limit"));
        UUID clientId = params.uuid("clientId");
        if (clientId == null) {
            throw ApiException.invalid("clientId", "is required");
        }
        long cursor = params.longAtLeast("cursor", 0, 0);
        int limit = params.intIn("limit", 1, PullService.MAX_LIMIT, PullService.DEFAULT_LIMIT);
        byte[] page = pull.pull(Authentication.principal(ctx), clientId, cursor, limit);
        ctx.status(200).contentType(JsonBodies.JSON).result(page);
    }
}
