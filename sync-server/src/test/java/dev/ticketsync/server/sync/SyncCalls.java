package dev.ticketsync.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Push and pull as a device does: requests built from the shared DTOs, answers read back into them. */
final class SyncCalls {

    static final String PUSH = "/api/v1/sync/push";
    static final Instant CLIENT_TIME = Instant.parse("2026-03-01T09:00:00Z");

    private SyncCalls() {}

    static Mutation mutation(long mutationId, Command command) {
        return new Mutation(mutationId, CommandName.of(command).wire(), CommandCodec.encode(command), CLIENT_TIME);
    }

    static Mutation mutation(long mutationId, String command, JsonNode args) {
        return new Mutation(mutationId, command, args, CLIENT_TIME);
    }

    static String json(Object value) {
        try {
            return Json.strict().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pushBody(UUID clientId, List<Mutation> mutations) {
        return json(new PushRequest(clientId, mutations));
    }

    /** Pushes and expects 200. */
    static PushResult push(TestServer.Client client, UUID clientId, List<Mutation> mutations) {
        TestServer.Response response = client.post(PUSH, pushBody(clientId, mutations));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return read(response, PushResult.class);
    }

    static String pullPath(UUID clientId, long cursor, int limit) {
        return "/api/v1/sync/pull?clientId=" + clientId + "&cursor=" + cursor + "&limit=" + limit;
    }

    /** One page; expects 200. */
    static PullResponse pull(TestServer.Client client, UUID clientId, long cursor, int limit) {
        TestServer.Response response = client.get(pullPath(clientId, cursor, limit));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return read(response, PullResponse.class);
    }

    /** Every change after {@code cursor}, page by page until {@code hasMore} is false. */
    static List<Change> pullAll(TestServer.Client client, UUID clientId, long cursor) {
        List<Change> changes = new ArrayList<>();
        PullResponse page;
        long next = cursor;
        do {
            page = pull(client, clientId, next, 1000);
            changes.addAll(page.changes());
            next = page.cursor();
        } while (page.hasMore());
        return changes;
    }

    static <T> T read(TestServer.Response response, Class<T> type) {
        try {
            return Json.lenient().readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + response.body(), e);
        }
    }
}
