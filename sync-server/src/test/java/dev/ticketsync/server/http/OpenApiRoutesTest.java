package dev.ticketsync.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written openapi.json and the server's routes agree: every documented operation is served, and every route
 * the server registers is documented (issue 3: "a test fails when a route is missing from it").
 */
class OpenApiRoutesTest {

    /** The routes the *Routes.java register methods add; update it together with openapi.json. */
    static final List<String> REGISTERED = List.of(
            "GET /health",
            "GET /openapi.json",
            "POST /api/v1/auth/login",
            "POST /api/v1/auth/logout",
            "POST /api/v1/auth/password",
            "POST /api/v1/tickets",
            "GET /api/v1/tickets",
            "GET /api/v1/tickets/{ref}",
            "PATCH /api/v1/tickets/{ref}",
            "DELETE /api/v1/tickets/{ref}",
            "POST /api/v1/tickets/{ref}/transitions",
            "POST /api/v1/tickets/{ref}/comments",
            "GET /api/v1/tickets/{ref}/audit",
            "GET /api/v1/audit",
            "GET /api/v1/audit/verify",
            "POST /api/v1/sync/push",
            "GET /api/v1/sync/pull",
            "GET /api/v1/sync/events",
            "POST /api/v1/admin/users",
            "GET /api/v1/admin/users",
            "PATCH /api/v1/admin/users/{login}",
            "POST /api/v1/admin/users/{login}/tokens",
            "DELETE /api/v1/admin/tokens/{id}",
            "GET /api/v1/admin/devices",
            "POST /api/v1/admin/devices/{clientId}/revoke",
            "GET /api/v1/admin/rejections",
            "GET /api/v1/admin/stats",
            "POST /api/v1/admin/backup",
            "GET /metrics");

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Pattern ROUTE =
            Pattern.compile("routes\\.(get|post|put|patch|delete|head|options|sse)\\(\\s*\"([^\"]+)\"");
    private static final Pattern HANDLER =
            Pattern.compile("addHttpHandler\\(\\s*HandlerType\\.([A-Z]+)\\s*,\\s*\"([^\"]+)\"");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestServer server;
    private static String adminToken;
    private static String ticketId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestServer.Client admin = server.as("admin");
        adminToken = admin.token();
        TestServer.Response created = admin.post("/api/v1/tickets", "{\"title\":\"OpenAPI probe target\"}");
        assertThat(created.status()).isEqualTo(201);
        ticketId = created.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every operation in openapi.json, as "METHOD /path" with the document's own {param} names. */
    static Stream<String> documentedOperations() {
        return documented().stream();
    }

    static Set<String> documented() {
        try (InputStream in = OpenApiRoutesTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            JsonNode doc = Json.lenient().readTree(in);
            Set<String> operations = new TreeSet<>();
            for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
                path.getValue().fieldNames().forEachRemaining(name -> {
                    if (HTTP_METHODS.contains(name)) {
                        operations.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedOperations")
    void every_documented_operation_is_answered_by_a_route_of_the_server(String operation) throws Exception {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        // Logging out would spend the shared token; that probe gets a token of its own.
        String token = operation.equals("POST /api/v1/auth/logout")
                ? server.as("admin").token()
                : adminToken;

        Probe probe = probe(method, concrete(path), token);

        assertThat(probe.status())
                .as("%s answered %s", operation, probe)
                .isNotEqualTo(405)
                .isLessThan(500);
        assertThat(probe.isMissingRoute())
                .as("%s answered %s", operation, probe)
                .isFalse();
    }

    @Test
    void the_probe_tells_a_route_the_server_lacks_from_one_it_has() throws Exception {
        Probe missing = probe("GET", "/api/v1/no-such-thing", adminToken);
        Probe wrongMethod = probe("PUT", "/api/v1/tickets", adminToken);

        assertThat(missing.isMissingRoute()).as("%s", missing).isTrue();
        assertThat(wrongMethod.status()).as("%s", wrongMethod).isEqualTo(405);
        assertThat(probe("GET", "/api/v1/tickets/" + UUID.randomUUID(), adminToken)
                        .isMissingRoute())
                .as("a handler's own 404 (no such ticket) is not a missing route")
                .isFalse();
    }

    @Test
    void every_route_on_the_list_of_registered_routes_is_documented() {
        assertThat(documented()).containsAll(REGISTERED);
    }

    @Test
    void every_route_registered_in_the_server_source_is_documented() throws IOException {
        Set<String> inSource = routesInSource();

        assertThat(inSource)
                .as("the source scan finds every route on the list (else the scan is broken)")
                .containsAll(REGISTERED);
        assertThat(documented())
                .as("routes registered in src/main/java/**/http/*Routes.java")
                .containsAll(inSource);
    }

    @Test
    void the_served_document_is_the_openapi_3_document_the_server_was_built_with_and_needs_no_token()
            throws IOException {
        TestServer.Response served = server.anonymous().get("/openapi.json");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(served.json().path("openapi").asText()).startsWith("3.");
        try (InputStream built = OpenApiRoutesTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(served.json()).isEqualTo(Json.lenient().readTree(built));
        }
    }

    /** "METHOD /path" for every route the register methods of src/main/java/**&#47;http/*Routes.java add. */
    private static Set<String> routesInSource() throws IOException {
        Set<String> routes = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            files = walk.filter(
                            file -> file.getParent().getFileName().toString().equals("http"))
                    .filter(file -> file.getFileName().toString().endsWith("Routes.java"))
                    .toList();
        }
        assertThat(files).as("*Routes.java files under src/main/java").isNotEmpty();
        for (Path file : files) {
            String source = Files.readString(file);
            for (Pattern pattern : List.of(ROUTE, HANDLER)) {
                Matcher matcher = pattern.matcher(source);
                while (matcher.find()) {
                    String method = matcher.group(1).toUpperCase(Locale.ROOT);
                    String path = matcher.group(2).replaceAll("<([^>]+)>", "{$1}");
                    routes.add((method.equals("SSE") ? "GET" : method) + " " + path);
                }
            }
        }
        return routes;
    }

    /** A documented path with real values: a real ticket for {ref}, a real user for {login}, else a fresh UUID. */
    private static String concrete(String path) {
        return path.replace("{ref}", ticketId)
                .replace("{login}", "bob")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    record Probe(int status, String body) {
        /** The framework's answer for a path no route matches: 404 NOT_FOUND naming the endpoint, not a resource. */
        boolean isMissingRoute() {
            return status == 404
                    && body.contains("\"NOT_FOUND\"")
                    && body.toLowerCase(Locale.ROOT).contains("endpoint");
        }
    }

    /** One request with a harmless body; an event stream is closed as soon as its headers have arrived. */
    private static Probe probe(String method, String path, String token) throws IOException, InterruptedException {
        boolean withBody = !method.equals("GET") && !method.equals("HEAD");
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Probe(
                    response.statusCode(),
                    stream ? "(event stream)" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
