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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint but the three public ones refuses a caller without a valid token, and role-restricted ones refuse a
 * role too low before looking at the body (DESIGN.md §7, §10). The endpoints come from openapi.json, so a new
 * documented endpoint is covered without touching this test.
 */
class AccessControlTest {

    static final Set<String> PUBLIC = Set.of("GET /health", "GET /openapi.json", "POST /api/v1/auth/login");
    /** Not even a JSON object: a role check that ran after body validation would answer 400 instead. */
    private static final String INVALID_BODY = "{\"title\": [oops";
    /** Unknown and out-of-range parameters: the same for GETs. */
    private static final String INVALID_QUERY = "?limit=0&no_such_parameter=1";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestServer server;
    private static String ticketId;
    private static String agentToken;
    private static String leadToken;
    private static String adminToken;
    private static String loggedOutToken;

    /** How a caller fails to prove who it is. */
    enum Credential {
        NO_TOKEN(null),
        MADE_UP_TOKEN("Bearer " + "q".repeat(43)),
        NOT_A_BEARER_TOKEN("Basic YWxpY2U6Y29ycmVjdC1ob3JzZS0x"),
        TOKEN_AFTER_LOGOUT(null);

        private final String header;

        Credential(String header) {
            this.header = header;
        }

        String header() {
            return this == TOKEN_AFTER_LOGOUT ? "Bearer " + loggedOutToken : header;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        TestServer.Client admin = server.as("admin");
        adminToken = admin.token();
        agentToken = server.as("alice").token();
        leadToken = server.as("carol").token();
        ticketId = admin.post("/api/v1/tickets", "{\"title\":\"Access control target\"}")
                .json()
                .get("id")
                .asText();
        TestServer.Client leaving = server.as("bob");
        assertThat(leaving.get("/api/v1/tickets").status()).isEqualTo(200);
        assertThat(leaving.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        loggedOutToken = leaving.token();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Set<String> documented() {
        try (InputStream in = AccessControlTest.class.getResourceAsStream("/openapi.json")) {
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

    static Stream<String> protectedOperations() {
        return documented().stream().filter(operation -> !PUBLIC.contains(operation));
    }

    static Stream<Arguments> protectedOperationsWithBadCredentials() {
        List<Arguments> cases = new ArrayList<>();
        protectedOperations().forEach(operation -> {
            for (Credential credential : Credential.values()) {
                cases.add(Arguments.of(operation, credential));
            }
        });
        return cases.stream();
    }

    /** For leads and admins only: the audit log, the admin console and metrics (for agents only by API token). */
    static Stream<String> consoleOperations() {
        return documented().stream()
                .filter(operation -> operation.equals("GET /api/v1/audit")
                        || operation.equals("GET /api/v1/audit/verify")
                        || operation.equals("GET /metrics")
                        || path(operation).startsWith("/api/v1/admin/"));
    }

    /** For admins only: users, tokens, device revocation and backups. */
    static Stream<String> adminOperations() {
        return consoleOperations()
                .filter(operation -> path(operation).startsWith("/api/v1/admin/users")
                        || path(operation).startsWith("/api/v1/admin/tokens")
                        || path(operation).startsWith("/api/v1/admin/backup")
                        || path(operation).endsWith("/revoke"));
    }

    @Test
    void the_document_marks_exactly_the_three_public_endpoints_as_needing_no_token() throws IOException {
        JsonNode doc =
                Json.lenient().readTree(server.anonymous().get("/openapi.json").body());
        Set<String> withoutToken = new TreeSet<>();
        for (String operation : documented()) {
            JsonNode security = doc.path("paths")
                    .path(path(operation))
                    .path(method(operation).toLowerCase(Locale.ROOT))
                    .path("security");
            if (security.isArray() && security.isEmpty()) {
                withoutToken.add(operation);
            }
        }

        assertThat(withoutToken).containsExactlyInAnyOrderElementsOf(PUBLIC);
        assertThat(protectedOperations()).contains("POST /api/v1/tickets", "POST /api/v1/sync/push");
    }

    @Test
    void the_public_endpoints_answer_without_a_token() {
        TestServer.Client anonymous = server.anonymous();

        assertThat(anonymous.get("/health").json().get("status").asText()).isEqualTo("ok");
        assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
        TestServer.Response login = anonymous.post(
                "/api/v1/auth/login", "{\"login\":\"alice\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("protectedOperationsWithBadCredentials")
    void a_protected_endpoint_refuses_a_caller_without_a_valid_token_before_reading_the_body(
            String operation, Credential credential) {
        Answer answer = send(operation, credential.header());

        assertThat(answer.status()).as("%s", answer).isEqualTo(401);
        assertErrorShape(answer, "UNAUTHORIZED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoleOperations")
    void an_agent_is_forbidden_from_console_and_admin_endpoints_even_with_an_invalid_body(String operation) {
        Answer answer = send(operation, "Bearer " + agentToken);

        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertErrorShape(answer, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("adminOperations")
    void a_lead_is_forbidden_from_admin_only_endpoints_even_with_an_invalid_body(String operation) {
        Answer answer = send(operation, "Bearer " + leadToken);

        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
        assertErrorShape(answer, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoleOperations")
    void the_roles_allowed_get_past_the_role_check(String operation) {
        boolean adminOnly = adminOperations().anyMatch(operation::equals);
        String token = adminOnly ? adminToken : leadToken;
        // A valid request where it has no side effects; otherwise an invalid one, which must fail on the body instead.
        Answer answer = method(operation).equals("GET")
                ? send(method(operation), concrete(path(operation)), null, "Bearer " + token)
                : send(operation, "Bearer " + token);

        assertThat(answer.status())
                .as("%s as %s: %s", operation, adminOnly ? "admin" : "lead", answer)
                .isNotIn(401, 403)
                .isLessThan(500);
        if (method(operation).equals("GET")) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        }
    }

    private static void assertErrorShape(Answer answer, String code) {
        assertThat(answer.contentType()).as("%s", answer).startsWith("application/json");
        JsonNode error = answer.json().path("error");
        assertThat(error.path("code").asText()).as("%s", answer).isEqualTo(code);
        assertThat(error.path("message").asText()).as("%s", answer).isNotBlank();
        assertThat(answer.json().size()).as("only the error object: %s", answer).isEqualTo(1);
    }

    private static String method(String operation) {
        return operation.substring(0, operation.indexOf(' '));
    }

    private static String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    private static String concrete(String path) {
        return path.replace("{ref}", ticketId)
                .replace("{login}", "bob")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return Json.lenient().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** The operation with an invalid body (or invalid query parameters for a GET). */
    private static Answer send(String operation, String authorization) {
        boolean get = method(operation).equals("GET");
        return send(
                method(operation),
                concrete(path(operation)) + (get ? INVALID_QUERY : ""),
                get ? null : INVALID_BODY,
                authorization);
    }

    private static Answer send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
