package dev.ticketsync.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real server on a free loopback port over a fresh H2 file, with users admin, alice and bob (agents) and carol
 * (lead), and a real HTTP client. Close it to stop the server and delete its files.
 */
public final class TestServer implements AutoCloseable {

    public static final String PASSWORD = "correct-horse-1";

    private final Path dataDir;
    private final ServerApp app;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path dataDir, ServerApp app) {
        this.dataDir = dataDir;
        this.app = app;
    }

    public static TestServer start() {
        try {
            return start(Files.createTempDirectory("ticketsync-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or restarts) a server over the data directory {@code dataDir}. */
    public static TestServer start(Path dataDir) {
        ServerConfig config = ServerConfig.builder()
                .port(0)
                .bind("127.0.0.1")
                .dataDir(dataDir)
                .adminPassword(PASSWORD)
                .dbUrl(TestDatabases.urlFor(dataDir))
                .dbUser(TestDatabases.user())
                .build();
        ServerApp app = ServerApp.create(config, Clock.systemUTC());
        app.prepare(config);
        if (app.users().find("alice").isEmpty()) {
            app.users().create("admin", "alice", "Alice Agent", Role.AGENT, PASSWORD, Origin.server());
            app.users().create("admin", "bob", "Bob Agent", Role.AGENT, PASSWORD, Origin.server());
            app.users().create("admin", "carol", "Carol Lead", Role.LEAD, PASSWORD, Origin.server());
        }
        return new TestServer(dataDir, app.start());
    }

    public ServerApp app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url(String path) {
        return app.baseUrl() + path;
    }

    /** Logs in and returns a client that sends that user's token. */
    public Client as(String login) {
        Response response = new Client(null)
                .post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + login + " failed: " + response.body());
        }
        return new Client(response.json().get("token").asText());
    }

    /** A client sending {@code token} (e.g. an API token). */
    public Client withToken(String token) {
        return new Client(token);
    }

    /** A client without a token. */
    public Client anonymous() {
        return new Client(null);
    }

    /** A response, with its body as text and as JSON. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.lenient().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public String errorField() {
            return json().path("error").path("field").asText(null);
        }
    }

    /** Real HTTP requests with an optional bearer token. */
    public final class Client {
        private final String token;

        private Client(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        public Response post(String path, String json) {
            return send(request(path, json).POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        public Response patch(String path, String json, String ifMatch) {
            HttpRequest.Builder builder = request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                builder.header("If-Match", ifMatch);
            }
            return send(builder);
        }

        public Response delete(String path, String json) {
            return send(request(path).method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
        }

        public Response send(String method, String path, String json) {
            return send(request(path)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json)));
        }

        /** Large bodies ask first (Expect: 100-continue), as curl does, so a 413 arrives before the body is sent. */
        private HttpRequest.Builder request(String path, String json) {
            return request(path).expectContinue(json != null && json.length() > 64 * 1024);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder;
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the server, keeping its files (to restart over them). */
    public void stop() {
        app.close();
    }

    @Override
    public void close() {
        app.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
