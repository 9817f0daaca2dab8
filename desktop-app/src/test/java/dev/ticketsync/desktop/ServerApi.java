package dev.ticketsync.desktop;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.store.MutationOutcomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The server as an outsider sees it: its REST API over real HTTP (java.net.http), signed in as one user. What REST does
 * not show — watcher sets and the stored outcome of each pushed mutation — is read from the server's own database.
 */
public final class ServerApi {

    private final TestBackend backend;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    private ServerApi(TestBackend backend, String token) {
        this.backend = backend;
        this.token = token;
    }

    public static ServerApi as(TestBackend backend, String login) {
        try {
            return new ServerApi(
                    backend,
                    new SyncClient(backend.url(), null)
                            .login(login, TestBackend.PASSWORD)
                            .token());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET {@code path}; the status and the body read as JSON (null for an empty body). */
    public record Answer(int status, JsonNode body) {}

    public Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.url() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Answer(
                    response.statusCode(),
                    body.length == 0 ? null : Json.lenient().readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode ok(String path) {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** {@code GET /api/v1/tickets/{id}}: the ticket, or empty on 404. */
    public Optional<Ticket> ticket(UUID id) {
        Answer answer = get("/api/v1/tickets/" + id);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(ok("/api/v1/tickets/" + id), Ticket.class));
    }

    /** The comments {@code GET /api/v1/tickets/{id}} carries, in the server's order. */
    public List<Comment> comments(UUID id) {
        return read(ok("/api/v1/tickets/" + id).get("comments"), new TypeReference<List<Comment>>() {});
    }

    /** The seqs of a ticket's audit trail ({@code GET /api/v1/tickets/{id}/audit}, every page). */
    public List<Long> trail(UUID id) {
        List<Long> seqs = new ArrayList<>();
        pages(
                "/api/v1/tickets/" + id + "/audit?limit=500",
                item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }

    /** Every ticket ({@code GET /api/v1/tickets}, every page), by id. */
    public Map<UUID, Ticket> tickets() {
        Map<UUID, Ticket> all = new TreeMap<>();
        pages("/api/v1/tickets?limit=500", item -> {
            Ticket ticket = read(item, Ticket.class);
            all.put(ticket.id(), ticket);
        });
        return all;
    }

    /** How many tickets match {@code q} (the listing's exact total). */
    public long count(String q) {
        return ok("/api/v1/tickets?limit=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .get("total")
                .asLong();
    }

    /** The whole audit log ({@code GET /api/v1/audit}, every page; leads and admins only). */
    public List<AuditEntry> audit() {
        List<AuditEntry> entries = new ArrayList<>();
        pages("/api/v1/audit?limit=500", item -> entries.add(read(item, AuditEntry.class)));
        return entries;
    }

    private void pages(String first, java.util.function.Consumer<JsonNode> each) {
        String path = first;
        while (path != null) {
            JsonNode page = ok(path);
            page.get("items").forEach(each);
            JsonNode next = page.path("nextCursor");
            path = next.isTextual() ? first + "&cursor=" + next.asText() : null;
        }
    }

    /** Who watches a ticket, read from the server's database (REST does not list watchers). */
    public Set<String> watchers(UUID ticketId) {
        return backend.server().database().read(c -> {
            Set<String> users = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT user_login FROM watchers WHERE ticket_id = ?")) {
                s.setObject(1, ticketId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        users.add(r.getString(1));
                    }
                }
            }
            return users;
        });
    }

    /** The server's stored outcome of every mutation a device pushed, by mutationId (accepted or rejected). */
    public Map<Long, MutationStatus> outcomes(UUID clientId) {
        return backend.server().database().read(c -> {
            Map<Long, MutationStatus> outcomes = new TreeMap<>();
            for (MutationResult stored : new MutationOutcomes().outcomes(c, clientId, 1, Long.MAX_VALUE)) {
                if (outcomes.put(stored.mutationId(), stored.status()) != null) {
                    throw new AssertionError("mutation " + stored.mutationId() + " was handled twice");
                }
            }
            return outcomes;
        });
    }

    /** Signs the session of {@code token} out ({@code POST /api/v1/auth/logout}): the token stops working at once. */
    public static void signOut(TestBackend backend, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.url() + "/api/v1/auth/logout"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            int status = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 204) {
                throw new AssertionError("logout answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Pushes {@code commands} as a fresh device of {@code login} in batches of 1,000 — the fast way to fill the server —
     * and checks every one was accepted.
     */
    public static void seed(TestBackend backend, String login, List<? extends Command> commands) {
        try {
            SyncClient client = new SyncClient(backend.url(), null);
            client.login(login, TestBackend.PASSWORD);
            UUID clientId = UUID.randomUUID();
            for (int from = 0; from < commands.size(); from += PushRequest.MAX_MUTATIONS) {
                List<Mutation> batch = new ArrayList<>();
                for (int i = from; i < Math.min(commands.size(), from + PushRequest.MAX_MUTATIONS); i++) {
                    Command command = commands.get(i);
                    batch.add(new Mutation(
                            i + 1L, CommandName.of(command).wire(), CommandCodec.encode(command), Instant.now()));
                }
                PushResult result = client.push(new PushRequest(clientId, batch));
                result.results().forEach(answer -> {
                    if (answer.effectiveStatus() != MutationStatus.ACCEPTED) {
                        throw new AssertionError("seeding was refused: " + answer);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.lenient().treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(JsonNode node, TypeReference<T> type) {
        return Json.lenient().convertValue(node, type);
    }
}
