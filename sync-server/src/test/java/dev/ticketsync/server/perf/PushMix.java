package dev.ticketsync.server.perf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The bench's push mix on the server alone: {@code tickets} tickets are created first (not timed), then one device
 * pushes batches of 1,000 mutations on them — 30 % comments, 30 % priority edits, 20 % tags, 20 % assignments, as
 * {@code bench}'s PushScenario does — and the CPU time of the server's request threads is what to compare when other
 * processes share the cores.
 */
final class PushMix {

    private static final Instant CLIENT_TIME = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<String> TAGS = List.of("urgent", "vip", "remote", "regression", "customer");
    private static final List<String> AGENTS = List.of("alice", "bob");

    private PushMix() {}

    static PushThroughput.Run run(int tickets, int mutations) {
        try (TestServer server = TestServer.start()) {
            String token = server.as("alice").token();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            UUID clientId = UUID.randomUUID();
            List<UUID> ids = new ArrayList<>();
            List<Command> creates = new ArrayList<>();
            for (int n = 0; n < tickets; n++) {
                var create = PushThroughput.create(n);
                ids.add(create.id());
                creates.add(create);
            }
            long next = push(http, server, token, clientId, 1, creates);
            Random random = new Random(31);
            List<Command> work = new ArrayList<>(mutations);
            for (int n = 0; n < mutations; n++) {
                work.add(item(random, ids.get(random.nextInt(ids.size()))));
            }
            long first = next;
            return PushThroughput.timed(
                    mutations, "JettyServerThreadPool", () -> push(http, server, token, clientId, first, work));
        }
    }

    private static Command item(Random random, UUID ticket) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return new AddComment(
                    Ids.newId(),
                    ticket,
                    "Checked again after the restart; the client still drops the tunnel every few minutes.",
                    Visibility.PUBLIC);
        } else if (kind < 6) {
            return EditFields.of(
                    ticket,
                    EditableField.PRIORITY,
                    FieldEdit.to(Priority.values()[random.nextInt(Priority.values().length)].wire()));
        } else if (kind < 8) {
            return new AddTags(ticket, List.of(TAGS.get(random.nextInt(TAGS.size()))));
        }
        return new Assign(ticket, AGENTS.get(random.nextInt(AGENTS.size())));
    }

    /** Pushes {@code commands} in batches of 1,000 from mutation id {@code from}; returns the next id. */
    private static long push(
            HttpClient http, TestServer server, String token, UUID clientId, long from, List<Command> commands) {
        long id = from;
        for (int start = 0; start < commands.size(); start += PushThroughput.BATCH) {
            List<Mutation> batch = new ArrayList<>();
            for (Command command : commands.subList(start, Math.min(commands.size(), start + PushThroughput.BATCH))) {
                batch.add(
                        new Mutation(id++, CommandName.of(command).wire(), CommandCodec.encode(command), CLIENT_TIME));
            }
            HttpResponse<String> response =
                    send(http, server.url("/api/v1/sync/push"), token, json(new PushRequest(clientId, batch)));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("push answered " + response.statusCode() + ": " + response.body());
            }
            checkAccepted(response.body());
        }
        return id;
    }

    private static void checkAccepted(String body) {
        try {
            for (JsonNode result : Json.lenient().readTree(body).get("results")) {
                if (!"accepted".equals(result.path("status").asText())) {
                    throw new IllegalStateException("not accepted: " + result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, String token, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.strict().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
