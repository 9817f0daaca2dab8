package dev.ticketsync.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.server.TestDatabases;
import dev.ticketsync.server.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What admins and leads do in the console: users, tokens, devices, rejections, stats, metrics, backups. */
class AdminConsoleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void an_admin_creates_a_user_who_can_then_sign_in_and_deactivation_signs_them_out() {
        TestServer.Client admin = server.as("admin");
        TestServer.Response created = admin.post(
                "/api/v1/admin/users",
                "{\"login\":\"dana\",\"displayName\":\"Dana Agent\",\"role\":\"agent\",\"password\":\""
                        + TestServer.PASSWORD + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("agent");
        assertThat(admin.post(
                                "/api/v1/admin/users",
                                "{\"login\":\"dana\",\"displayName\":\"Again\",\"role\":\"agent\",\"password\":\"long-enough-1\"}")
                        .status())
                .isEqualTo(409);
        assertThat(admin.post(
                                "/api/v1/admin/users",
                                "{\"login\":\"erin\",\"displayName\":\"Erin\",\"role\":\"agent\",\"password\":\"short\"}")
                        .errorField())
                .isEqualTo("password");

        TestServer.Client dana = server.as("dana");
        assertThat(dana.get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/admin/users/dana", "{\"active\":false}", null)
                        .status())
                .isEqualTo(200);
        assertThat(dana.get("/api/v1/tickets").status()).isEqualTo(401);
        assertThat(server.as("carol").post("/api/v1/admin/users", "{}").status())
                .isEqualTo(403);
    }

    @Test
    void an_api_token_reads_metrics_until_it_is_revoked() {
        TestServer.Client admin = server.as("admin");
        TestServer.Response issued = admin.post("/api/v1/admin/users/bob/tokens", "{\"name\":\"prometheus\"}");
        assertThat(issued.status()).isEqualTo(201);
        String id = issued.json().get("id").asText();
        TestServer.Client scraper = server.withToken(issued.json().get("token").asText());
        TestServer.Response metrics = scraper.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("ticketsync_head_seq").contains("ticketsync_pushes_total");
        assertThat(server.as("bob").get("/metrics").status())
                .as("an agent's session token")
                .isEqualTo(403);

        assertThat(admin.delete("/api/v1/admin/tokens/" + id, "").status()).isEqualTo(204);
        assertThat(scraper.get("/metrics").status()).isEqualTo(401);
        assertThat(server.as("admin")
                        .get("/api/v1/audit?action=TOKEN_REVOKED")
                        .json()
                        .get("items"))
                .isNotEmpty();
    }

    @Test
    void the_console_lists_devices_with_lag_and_rejections_and_a_revoked_device_is_refused() {
        TestServer.Client alice = server.as("alice");
        UUID clientId = UUID.randomUUID();
        String ticket = UUID.randomUUID().toString();
        TestServer.Response push = alice.post(
                "/api/v1/sync/push",
                "{\"clientId\":\"" + clientId + "\",\"mutations\":["
                        + "{\"mutationId\":1,\"command\":\"create_ticket\",\"args\":{\"id\":\"" + ticket
                        + "\",\"title\":\"Console probe\"}},"
                        + "{\"mutationId\":2,\"command\":\"transition\",\"args\":{\"ticketId\":\"" + ticket
                        + "\",\"to\":\"closed\"}}]}");
        assertThat(push.status()).isEqualTo(200);

        TestServer.Client carol = server.as("carol");
        TestServer.Response devices = carol.get("/api/v1/admin/devices");
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.json().get("items").findValuesAsText("clientId")).contains(clientId.toString());
        assertThat(devices.json().get("items").get(0).has("lag")).isTrue();
        TestServer.Response rejections = carol.get("/api/v1/admin/rejections");
        assertThat(rejections.json().get("items").toString())
                .contains("ILLEGAL_TRANSITION")
                .contains(clientId.toString());
        TestServer.Response stats = carol.get("/api/v1/admin/stats");
        assertThat(stats.json().get("tickets").asLong()).isPositive();
        assertThat(stats.json().get("head").asLong()).isPositive();
        assertThat(alice.get("/api/v1/admin/devices").status()).isEqualTo(403);

        assertThat(server.as("admin")
                        .post("/api/v1/admin/devices/" + clientId + "/revoke", "")
                        .status())
                .isEqualTo(200);
        assertThat(alice.get("/api/v1/sync/pull?clientId=" + clientId).status()).isEqualTo(403);
    }

    @Test
    void the_console_shows_a_devices_latest_pull_at_once_and_still_after_a_restart() throws Exception {
        Path dir = Files.createTempDirectory("ticketsync-sightings");
        TestServer first = TestServer.start(dir);
        UUID clientId = UUID.randomUUID();
        long head;
        try {
            TestServer.Client alice = first.as("alice");
            assertThat(alice.post("/api/v1/tickets", "{\"title\":\"Seen by a pull\"}")
                            .status())
                    .isEqualTo(201);
            JsonNode page = alice.get("/api/v1/sync/pull?clientId=" + clientId).json();
            head = page.get("head").asLong();
            assertThat(page.get("cursor").asLong()).isEqualTo(head);

            JsonNode listed = device(first.as("carol"), clientId);
            assertThat(listed.get("cursor").asLong()).isEqualTo(head);
            assertThat(listed.get("lag").asLong()).isZero();
        } finally {
            first.stop();
        }
        try (TestServer second = TestServer.start(dir)) {
            JsonNode listed = device(second.as("carol"), clientId);
            assertThat(listed.get("cursor").asLong()).isEqualTo(head);
        }
    }

    @Test
    void a_device_with_an_open_event_stream_is_online_now_and_its_rejection_names_the_ticket_key() throws Exception {
        TestServer.Client bob = server.as("bob");
        UUID clientId = UUID.randomUUID();
        TestServer.Response created = bob.post("/api/v1/tickets", "{\"title\":\"Rejection probe\"}");
        String ticket = created.json().get("id").asText();
        String key = created.json().get("key").asText();
        TestServer.Response push = bob.post(
                "/api/v1/sync/push",
                "{\"clientId\":\"" + clientId + "\",\"mutations\":[{\"mutationId\":1,\"command\":\"transition\","
                        + "\"args\":{\"ticketId\":\"" + ticket + "\",\"to\":\"closed\"}}]}");
        assertThat(push.status()).isEqualTo(200);
        TestServer.Client carol = server.as("carol");
        assertThat(device(carol, clientId).get("connected").asBoolean()).isFalse();

        HttpRequest events = HttpRequest.newBuilder(URI.create(server.url("/api/v1/sync/events?clientId=" + clientId)))
                .header("Authorization", "Bearer " + bob.token())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> stream = HTTP.sendAsync(events, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        InputStream open = stream.body();
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(
                                    device(carol, clientId).get("connected").asBoolean())
                            .isTrue());
            assertThat(carol.get("/api/v1/admin/stats")
                            .json()
                            .get("connectedDevices")
                            .asLong())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            open.close();
        }

        JsonNode rejection = null;
        for (JsonNode item : carol.get("/api/v1/admin/rejections").json().get("items")) {
            if (item.get("clientId").asText().equals(clientId.toString())) {
                rejection = item;
            }
        }
        assertThat(rejection).isNotNull();
        assertThat(rejection.get("ticketKey").asText()).isEqualTo(key);
        assertThat(rejection.get("user").asText()).isEqualTo("bob");
        assertThat(rejection.get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
    }

    private static JsonNode device(TestServer.Client lead, UUID clientId) {
        for (JsonNode item : lead.get("/api/v1/admin/devices").json().get("items")) {
            if (item.get("clientId").asText().equals(clientId.toString())) {
                return item;
            }
        }
        throw new AssertionError("device " + clientId + " is not listed");
    }

    @Test
    void an_api_token_stops_working_when_it_expires() {
        String expires = java.time.Instant.now().plusSeconds(2).toString();
        TestServer.Response issued = server.as("admin")
                .post(
                        "/api/v1/admin/users/carol/tokens",
                        "{\"name\":\"short-lived\",\"expiresAt\":\"" + expires + "\"}");
        assertThat(issued.status()).isEqualTo(201);
        TestServer.Client shortLived =
                server.withToken(issued.json().get("token").asText());
        assertThat(shortLived.get("/api/v1/tickets").status()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> shortLived.get("/api/v1/tickets").status() == 401);
    }

    @Test
    void repeated_wrong_passwords_are_throttled_with_retry_after() {
        assertThat(server.as("admin")
                        .post(
                                "/api/v1/admin/users",
                                "{\"login\":\"frank\",\"displayName\":\"Frank\",\"role\":\"agent\",\"password\":\""
                                        + TestServer.PASSWORD + "\"}")
                        .status())
                .isEqualTo(201);
        TestServer.Client anonymous = server.anonymous();
        String wrong = "{\"login\":\"frank\",\"password\":\"not-his-password\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
        }
        TestServer.Response throttled = anonymous.post("/api/v1/auth/login", wrong);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("THROTTLED");
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(anonymous
                        .post(
                                "/api/v1/auth/login",
                                "{\"login\":\"frank\",\"password\":\"" + TestServer.PASSWORD + "\"}")
                        .status())
                .as("even the right password waits out the throttle")
                .isEqualTo(429);
    }

    @Test
    void a_backup_is_written_into_the_data_directory() {
        if (TestDatabases.postgres()) {
            assertThat(server.as("admin").post("/api/v1/admin/backup", "").status())
                    .isEqualTo(409);
            return;
        }
        TestServer.Response backup = server.as("admin").post("/api/v1/admin/backup", "");
        assertThat(backup.status()).isEqualTo(201);
        Path file = Path.of(backup.json().get("file").asText());
        assertThat(file).startsWith(server.dataDir().toAbsolutePath());
        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(file.toFile().length()).isPositive();
    }
}
