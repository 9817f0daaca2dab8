package dev.ticketsync.server.http;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TicketQuery;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code GET /api/v1/tickets}: strict filter parameters in, {@code {items, total, nextCursor}} out. */
final class TicketListing {

    private static final Set<String> PARAMS = Set.of("status", "assignee", "priority", "tag", "q", "limit", "cursor");

    private final TicketQuery query = new TicketQuery();

    void list(Context ctx, Database database) {
        QueryParams params = QueryParams.of(ctx, PARAMS);
        TicketQuery.Filter filter = new TicketQuery.Filter(
                statuses(params.all("status")),
                params.one("assignee"),
                priorities(params.all("priority")),
                params.one("tag"),
                words(params.one("q")));
        int limit = params.intIn("limit", 1, 500, 50);
        TicketQuery.Position after = decodeCursor(params.one("cursor"));
        TicketQuery.Page page = database.read(c -> query.list(c, filter, after, limit));
        JsonBodies.page(ctx, page.items(), page.total(), page.next() == null ? null : encodeCursor(page.next()));
    }

    private static Set<Status> statuses(List<String> values) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String value : split(values)) {
            if (value.equals("open")) {
                statuses.addAll(Status.OPEN);
            } else {
                statuses.add(WireName.parse(Status.class, value)
                        .orElseThrow(() -> ApiException.invalid(
                                "status",
                                "unknown status '" + value + "'; expected open or one of "
                                        + WireName.allowed(Status.class))));
            }
        }
        return statuses;
    }

    private static Set<Priority> priorities(List<String> values) {
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        for (String value : split(values)) {
            priorities.add(WireName.parse(Priority.class, value)
                    .orElseThrow(() -> ApiException.invalid(
                            "priority",
                            "unknown priority '" + value + "'; expected one of " + WireName.allowed(Priority.class))));
        }
        return priorities;
    }

    private static List<String> split(List<String> values) {
        return values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        if (q.length() > 500) {
            throw ApiException.invalid("q", "must be at most 500 characters");
        }
        return Arrays.stream(q.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    static String encodeCursor(TicketQuery.Position position) {
        String raw = position.updatedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TicketQuery.Position decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new TicketQuery.Position(
                    Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor", "is not a cursor this server gave out");
        }
    }
}
