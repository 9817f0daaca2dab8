package dev.ticketsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while a push is running: the push is finished and answered (or, if it arrived after draining began,
 * refused with 503) — never cut off half-way — and what was answered "accepted" is there after a restart.
 */
class GracefulShutdownTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_push_running_at_sigterm_is_answered_and_kept() throws Exception {
        Path dataDir = Files.createTempDirectory("ticketsync-graceful");
        Process server = start(dataDir);
        String url = url(server);
        String token = login(url);
        StringBuilder body = new StringBuilder("{\"clientId\":\"" + UUID.randomUUID() + "\",\"mutations\":[");
        for (int i = 1; i <= 1000; i++) {
            body.append(i == 1 ? "" : ",")
                    .append("{\"mutationId\":")
                    .append(i)
                    .append(",\"command\":\"create_ticket\",\"args\":{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"title\":\"Shutdown probe ")
                    .append(i)
                    .append("\",\"description\":\"")
                    .append("d".repeat(400))
                    .append("\"}}");
        }
        CompletableFuture<HttpResponse<String>> push = http.sendAsync(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/sync/push"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                body.append("]}").toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            Thread.onSpinWait();
            server.destroy(); // SIGTERM
            HttpResponse<String> answer = push.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isIn(200, 503);
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process again = start(dataDir);
            try {
                String restarted = url(again);
                long total = Json.lenient()
                        .readTree(get(restarted, login(restarted), "/api/v1/tickets?q=probe&limit=1"))
                        .get("total")
                        .asLong();
                assertThat(total).isEqualTo(answer.statusCode() == 200 ? 1000 : 0);
            } finally {
                again.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path dataDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.ticketsync.server.ServerMain",
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString())
                .redirectErrorStream(true);
        builder.environment().put("TICKETSYNC_ADMIN_PASSWORD", TestServer.PASSWORD);
        return builder.start();
    }

    /** Reads the child's output until it says where it listens, and keeps draining it after. */
    private static String url(Process process) throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher match = LISTENING.matcher(line);
            if (match.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> {}));
                drain.setDaemon(true);
                drain.start();
                return match.group(1);
            }
        }
        throw new IOException("the server exited before listening");
    }

    private String login(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"login\":\"admin\",\"password\":\"" + TestServer.PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = Json.lenient().readTree(response.body());
        return answer.get("token").asText();
    }

    private String get(String url, String token, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
