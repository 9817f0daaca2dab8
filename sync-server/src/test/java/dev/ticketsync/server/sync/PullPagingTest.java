package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.pull;
import static dev.ticketsync.server.sync.SyncCalls.pullAll;
import static dev.ticketsync.server.sync.SyncCalls.pullPath;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pull pages (DESIGN.md §5): latest snapshot per entity, in seq order, with cursor, head and hasMore. */
class PullPagingTest {

    private static TestServer server;
    private static TestServer.Client alice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Creates {@code count} tickets from a fresh device of alice's and returns their ids. */
    private static List<UUID> createTickets(int count, String title, String description) {
        List<UUID> ids = new ArrayList<>();
        List<Mutation> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            batch.add(mutation(
                    i, new CreateTicket(id, title + " " + i, description, null, null, null, null, null, null, null)));
        }
        push(alice, UUID.randomUUID(), batch);
        return ids;
    }

    private static long head() {
        return pull(alice, UUID.randomUUID(), 0, 1).head();
    }

    private static List<Change> of(List<Change> changes, EntityType entity, String id) {
        return changes.stream()
                .filter(change -> change.entity() == entity && change.id().equals(id))
                .toList();
    }

    @Test
    void pulling_from_zero_with_a_small_limit_walks_every_page_until_has_more_is_false() {
        List<UUID> created = createTickets(12, "Paging walk", null);
        UUID clientId = UUID.randomUUID();
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int pages = 0;
        PullResponse page;
        do {
            page = pull(alice, clientId, cursor, 5);
            pages++;
            assertThat(page.changes()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            if (page.hasMore()) {
                assertThat(page.changes()).hasSize(5);
            }
            long previous = cursor;
            for (Change change : page.changes()) {
                assertThat(change.seq()).isGreaterThan(previous);
                previous = change.seq();
                assertThat(seen.add(change.entity().wire() + "/" + change.id()))
                        .as("%s %s delivered twice", change.entity(), change.id())
                        .isTrue();
            }
            assertThat(page.cursor()).isEqualTo(previous);
            assertThat(page.head()).isGreaterThanOrEqualTo(page.cursor());
            cursor = page.cursor();
        } while (page.hasMore());

        assertThat(pages).isGreaterThan(3);
        assertThat(cursor).isEqualTo(page.head());
        assertThat(seen).containsAll(created.stream().map(id -> "ticket/" + id).toList());
    }

    @Test
    void an_empty_page_keeps_the_asked_cursor_and_says_there_is_no_more() {
        long head = head();

        PullResponse page = pull(alice, UUID.randomUUID(), head, 50);

        assertThat(page.changes()).isEmpty();
        assertThat(page.cursor()).isEqualTo(head);
        assertThat(page.head()).isEqualTo(head);
        assertThat(page.hasMore()).isFalse();
    }

    /**
     * A device whose cursor is ahead of the server (say, the server was restored from a backup) must be told the real
     * head, so it can notice; the server must not report a seq it never wrote.
     */
    @Test
    void a_cursor_past_the_head_gets_an_empty_page_with_the_real_head() {
        long head = head();

        PullResponse page = pull(alice, UUID.randomUUID(), head + 1000, 50);

        assertThat(page.changes()).isEmpty();
        assertThat(page.cursor()).isEqualTo(head + 1000);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.head()).isEqualTo(head);
    }

    @Test
    void users_arrive_with_login_name_role_and_active_and_nothing_secret() {
        List<Change> users = pullAll(alice, UUID.randomUUID(), 0).stream()
                .filter(change -> change.entity() == EntityType.USER)
                .toList();

        JsonNode carol = of(users, EntityType.USER, "carol").get(0).data();
        assertThat(carol.get("login").asText()).isEqualTo("carol");
        assertThat(carol.get("displayName").asText()).isEqualTo("Carol Lead");
        assertThat(carol.get("role").asText()).isEqualTo("lead");
        assertThat(carol.get("active").asBoolean()).isTrue();
        assertThat(users).extracting(Change::id).contains("alice", "bob", "carol", "admin");
        assertThat(users.toString().toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("password")
                .doesNotContain("argon")
                .doesNotContain("$2");
    }

    @Test
    void a_ticket_edited_five_times_appears_once_at_its_latest_seq_with_its_latest_data() {
        long before = head();
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        push(alice, clientId, List.of(mutation(1, CreateTicket.of(ticketId, "Title v0"))));
        long[] acceptedAt = new long[6];
        for (int edit = 1; edit <= 5; edit++) {
            EditFields retitle = EditFields.of(
                    ticketId, EditableField.TITLE, FieldEdit.from("Title v" + (edit - 1), "Title v" + edit));
            acceptedAt[edit] = push(alice, clientId, List.of(mutation(edit + 1, retitle)))
                    .results()
                    .get(0)
                    .seq();
        }

        List<Change> changes = pullAll(alice, UUID.randomUUID(), before);

        List<Change> ticket = of(changes, EntityType.TICKET, ticketId.toString());
        assertThat(ticket).hasSize(1);
        Change latest = ticket.get(0);
        assertThat(latest.seq()).isGreaterThan(acceptedAt[4]).isLessThanOrEqualTo(acceptedAt[5]);
        assertThat(latest.data().get("title").asText()).isEqualTo("Title v5");
        assertThat(latest.data().get("version").asLong()).isEqualTo(6);
        assertThat(latest.tombstone()).isFalse();
        assertThat(of(pullAll(alice, UUID.randomUUID(), latest.seq()), EntityType.TICKET, ticketId.toString()))
                .isEmpty();
        List<String> history = changes.stream()
                .filter(change -> change.entity() == EntityType.AUDIT)
                .filter(change -> change.data().path("ticketId").asText().equals(ticketId.toString()))
                .map(change -> change.data().get("action").asText())
                .toList();
        assertThat(history)
                .containsExactly(
                        "TICKET_CREATED",
                        "FIELD_CHANGED",
                        "FIELD_CHANGED",
                        "FIELD_CHANGED",
                        "FIELD_CHANGED",
                        "FIELD_CHANGED");
    }

    @Test
    void a_removed_watcher_arrives_as_a_deleted_tombstone() {
        long before = head();
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        String watcherId = ticketId + ":alice";
        push(
                alice,
                clientId,
                List.of(mutation(1, CreateTicket.of(ticketId, "Watch me")), mutation(2, new Watch(ticketId, null))));
        List<Change> watching = of(pullAll(alice, UUID.randomUUID(), before), EntityType.WATCHER, watcherId);
        assertThat(watching).hasSize(1);
        assertThat(watching.get(0).tombstone()).isFalse();

        push(alice, clientId, List.of(mutation(3, new Unwatch(ticketId, null))));

        List<Change> removed = of(pullAll(alice, UUID.randomUUID(), before), EntityType.WATCHER, watcherId);
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).deleted()).isTrue();
        assertThat(removed.get(0).seq()).isGreaterThan(watching.get(0).seq());
        assertThat(removed.get(0).data().get("user").asText()).isEqualTo("alice");
        assertThat(removed.get(0).data().get("ticketId").asText()).isEqualTo(ticketId.toString());
    }

    @Test
    void last_mutation_id_is_the_pulling_devices_own() {
        UUID alicesDevice = UUID.randomUUID();
        UUID bobsDevice = UUID.randomUUID();
        TestServer.Client bob = server.as("bob");
        List<Mutation> three = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            three.add(mutation(i, CreateTicket.of(UUID.randomUUID(), "Alice device " + i)));
        }
        List<Mutation> seven = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            seven.add(mutation(i, CreateTicket.of(UUID.randomUUID(), "Bob device " + i)));
        }
        push(alice, alicesDevice, three);
        push(bob, bobsDevice, seven);

        assertThat(pull(alice, alicesDevice, 0, 10).lastMutationId()).isEqualTo(3);
        assertThat(pull(bob, bobsDevice, 0, 10).lastMutationId()).isEqualTo(7);
        assertThat(pull(alice, UUID.randomUUID(), 0, 10).lastMutationId()).isZero();
    }

    @Test
    void a_missing_or_malformed_client_id_is_refused_naming_client_id() {
        TestServer.Response missing = alice.get("/api/v1/sync/pull?cursor=0&limit=10");
        TestServer.Response malformed = alice.get("/api/v1/sync/pull?clientId=laptop-1&cursor=0");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION");
        assertThat(missing.errorField()).isEqualTo("clientId");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorField()).isEqualTo("clientId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5001", "-1", "ten", "99999999999"})
    void a_limit_outside_1_to_5000_is_refused_naming_limit(String limit) {
        TestServer.Response refused =
                alice.get("/api/v1/sync/pull?clientId=" + UUID.randomUUID() + "&cursor=0&limit=" + limit);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION");
        assertThat(refused.errorField()).isEqualTo("limit");
    }

    @Test
    void the_limits_1_and_5000_are_served() {
        assertThat(pull(alice, UUID.randomUUID(), 0, 1).changes()).hasSizeLessThanOrEqualTo(1);
        assertThat(alice.get(pullPath(UUID.randomUUID(), 0, 5000)).status()).isEqualTo(200);
    }

    @Test
    void a_negative_cursor_is_refused_naming_cursor() {
        TestServer.Response refused = alice.get("/api/v1/sync/pull?clientId=" + UUID.randomUUID() + "&cursor=-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo("cursor");
    }

    @Test
    void a_large_page_comes_back_gzip_encoded_when_the_client_asks_for_it() throws Exception {
        long before = head();
        List<UUID> created = createTickets(40, "Compressible", "The VPN drops every ten minutes. ".repeat(60));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(server.url(pullPath(UUID.randomUUID(), before, 5000)));

        HttpResponse<InputStream> gzipped = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + alice.token())
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + alice.token())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] inflated;
        try (InputStream in = new GZIPInputStream(gzipped.body())) {
            inflated = in.readAllBytes();
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(40 * 1800);
        JsonNode page = readTree(inflated);
        assertThat(page).isEqualTo(readTree(plain.body()));
        Set<String> ids = new HashSet<>();
        page.get("changes").forEach(change -> ids.add(change.get("id").asText()));
        assertThat(ids).containsAll(created.stream().map(UUID::toString).toList());
    }

    /** Bootstrap pages are compressed lightly, gzip level 1 (DESIGN.md §5): fast to make, most of the gain. */
    @Test
    void a_gzipped_page_is_compressed_lightly_at_level_1() throws Exception {
        long before = head();
        createTickets(200, "Lightly compressed", "Lorem ipsum dolor sit amet, ticket number " + UUID.randomUUID());
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(server.url(pullPath(UUID.randomUUID(), before, 5000)));
        HttpResponse<byte[]> gzipped = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + alice.token())
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] plain;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            plain = in.readAllBytes();
        }

        int level1 = gzip(plain, 1);
        int level6 = gzip(plain, 6);

        assertThat(level1)
                .as("level 1 and 6 must differ for this check to mean anything")
                .isGreaterThan(level6);
        assertThat(Math.abs(gzipped.body().length - level1))
                .as("got %d bytes; level 1 gives %d, level 6 gives %d", gzipped.body().length, level1, level6)
                .isLessThan(Math.abs(gzipped.body().length - level6));
    }

    private static int gzip(byte[] bytes, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(bytes);
        }
        return out.size();
    }

    private static JsonNode readTree(byte[] json) throws IOException {
        return Json.lenient().readTree(json);
    }
}
