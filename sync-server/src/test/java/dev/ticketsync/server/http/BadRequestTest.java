package dev.ticketsync.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a client can get wrong, and what it gets back: a 4xx (never a 5xx) with {@code {"error": {"code", "message",
 * "field"?}}} naming the field at fault, and not a single row changed (DESIGN.md §7, §10). This half of the table:
 * bodies, creating, reading and listing tickets, URL encoding and routing; {@link BadCommandRequestTest} holds the
 * rest and shares {@link Fixture}.
 */
class BadRequestTest {

    static final String TICKETS = "/api/v1/tickets";
    /** {id} is the fixture ticket's id. */
    static final String TICKET = "/api/v1/tickets/{id}";

    private static Fixture fixture;

    /** How a case goes out. */
    enum Transport {
        /**
         * Headers only, declaring the body's Content-Length (with Expect: 100-continue, as curl sends for big bodies):
         * the answer must come from the header alone, before any of the body is sent.
         */
        DECLARED_LENGTH,
        /** TestServer's client: java.net.http with a Content-Length. */
        CLIENT,
        /** A plain socket, the request line byte for byte (java.net.URI refuses what the server must refuse). */
        SOCKET,
        /** java.net.http streaming the body chunked, without a Content-Length. */
        CHUNKED
    }

    /**
     * One bad request, sent as {@code user} (null: without a token). {@code field}: the field the error must name;
     * {@link #NO_FIELD} when it must name none; null when either is fine.
     */
    record Case(
            String name,
            String method,
            String path,
            String body,
            int status,
            String code,
            String field,
            String user,
            String ifMatch,
            Transport via) {

        static final String NO_FIELD = "";

        static Case of(String name, String method, String path, String body, int status, String field) {
            String code = switch (status) {
                case 400 -> "VALIDATION";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 413 -> "PAYLOAD_TOO_LARGE";
                default -> throw new IllegalArgumentException("name the code for " + status);
            };
            return new Case(name, method, path, body, status, code, field, "alice", null, Transport.CLIENT);
        }

        Case as(String login) {
            return new Case(name, method, path, body, status, code, field, login, ifMatch, via);
        }

        Case ifMatch(String value) {
            return new Case(name, method, path, body, status, code, field, user, value, via);
        }

        Case answers(int newStatus, String newCode) {
            return new Case(name, method, path, body, newStatus, newCode, field, user, ifMatch, via);
        }

        Case withPath(String newPath) {
            return new Case(name, method, newPath, body, status, code, field, user, ifMatch, via);
        }

        Case via(Transport transport) {
            return new Case(name, method, path, body, status, code, field, user, ifMatch, transport);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A JSON string literal. */
    static String json(String text) {
        return Json.strict().valueToTree(text).toString();
    }

    private static Case create(String name, String body, String field) {
        return Case.of("create: " + name, "POST", TICKETS, body, 400, field);
    }

    private static Case get(String name, String path, int status, String field) {
        return Case.of(name, "GET", path, null, status, field);
    }

    static Stream<Case> cases() {
        String tags21 = IntStream.range(0, 21).mapToObj(i -> json("t" + i)).collect(Collectors.joining(","));
        String none = Case.NO_FIELD;
        return Stream.of(
                create("malformed JSON", "{\"title\": ", "body"),
                create("empty body", "", "body"),
                create("JSON array instead of an object", "[{\"title\":\"Array\"}]", "body"),
                create("trailing garbage after the object", "{\"title\":\"Trailing\"} garbage", "body"),
                create("duplicate keys", "{\"title\":\"One\",\"title\":\"Two\"}", "body"),
                create("a number for a string", "{\"title\":42}", "title"),
                create("a boolean for a string", "{\"title\":true}", "title"),
                create("an object for a string", "{\"title\":{\"text\":\"Nested\"}}", "title"),
                create("a string for the tag array", "{\"title\":\"Tags\",\"tags\":\"vpn\"}", "tags"),
                create("an unknown field", "{\"title\":\"Colour\",\"colour\":\"red\"}", "colour"),
                create("unknown priority p9", "{\"title\":\"P9\",\"priority\":\"p9\"}", "priority"),
                create("upper-case priority P1", "{\"title\":\"P1\",\"priority\":\"P1\"}", "priority"),
                create("unknown type", "{\"title\":\"Epic\",\"type\":\"epic\"}", "type"),
                create("missing title", "{\"priority\":\"p2\"}", "title"),
                create("blank title", "{\"title\":\"   \"}", "title"),
                create("title of 201 characters", "{\"title\":" + json("x".repeat(201)) + "}", "title"),
                create("title with a control character", "{\"title\":\"Bell\\u0007here\"}", "title"),
                create("tag in upper case", "{\"title\":\"Tags\",\"tags\":[\"VPN\"]}", "tags[0]"),
                create("tag with a space", "{\"title\":\"Tags\",\"tags\":[\"ok\",\"two words\"]}", "tags[1]"),
                create("tag of 41 characters", "{\"title\":\"T\",\"tags\":[" + json("t".repeat(41)) + "]}", "tags[0]"),
                create("21 tags", "{\"title\":\"Tags\",\"tags\":[" + tags21 + "]}", "tags"),
                create("assignee that is not a login", "{\"title\":\"Who\",\"assignee\":\"bob smith\"}", "assignee"),
                create(
                        "description over 64 KiB",
                        "{\"title\":\"L\",\"description\":" + json("d".repeat(65_537)) + "}",
                        "description"),
                Case.of(
                                "create: body over 1 MiB",
                                "POST",
                                TICKETS,
                                "{\"title\":\"Huge\",\"description\":" + json("h".repeat(1024 * 1024)) + "}",
                                413,
                                "body")
                        .via(Transport.DECLARED_LENGTH),
                Case.of(
                                "create: body over 1 MiB, chunked",
                                "POST",
                                TICKETS,
                                "{\"title\":\"Huge\",\"description\":" + json("c".repeat(1024 * 1024)) + "}",
                                413,
                                null)
                        .via(Transport.CHUNKED),
                get("get: neither a UUID nor a key", TICKETS + "/not-a-uuid", 404, none),
                get("get: malformed UUID", TICKETS + "/123e4567-e89b-12d3-a456-42661417400g", 404, none),
                get("get: unknown ticket key", TICKETS + "/OPS-999999", 404, none),
                get("get: unknown ticket id", TICKETS + "/" + UUID.randomUUID(), 404, none),
                get("list: limit 0", TICKETS + "?limit=0", 400, "limit"),
                get("list: limit 501", TICKETS + "?limit=501", 400, "limit"),
                get("list: limit abc", TICKETS + "?limit=abc", 400, "limit"),
                get("list: limit given twice", TICKETS + "?limit=5&limit=6", 400, "limit"),
                get("list: unknown parameter", TICKETS + "?colour=red", 400, "colour"),
                get("list: bad cursor", TICKETS + "?cursor=bm90LWEtY3Vyc29y", 400, "cursor"),
                get("list: unknown status", TICKETS + "?status=done", 400, "status"),
                get("list: upper-case priority", TICKETS + "?priority=P1", 400, "priority"),
                get("list: q over 500 characters", TICKETS + "?q=" + "w".repeat(501), 400, "q"),
                get("list: bad URL encoding in q", TICKETS + "?q=%E0%A4%A", 400, null)
                        .via(Transport.SOCKET),
                get("list: bad URL encoding in limit", TICKETS + "?limit=%ZZ", 400, null)
                        .via(Transport.SOCKET),
                get("get: bad URL encoding in the path", TICKETS + "/%ZZ", 400, null)
                        .via(Transport.SOCKET),
                get("unknown route", "/api/v1/no-such-thing", 404, none),
                Case.of("wrong method: PUT on the ticket list", "PUT", TICKETS, "{\"title\":\"Put\"}", 405, none),
                Case.of("wrong method: DELETE on the ticket list", "DELETE", TICKETS, null, 405, none),
                Case.of("wrong method: POST on a ticket", "POST", TICKET, "{\"title\":\"Post\"}", 405, none));
    }

    @BeforeAll
    static void start() {
        fixture = Fixture.start();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void the_table_holds_at_least_forty_bad_requests() {
        assertThat(Stream.concat(cases(), BadCommandRequestTest.cases())
                        .map(Case::name)
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_bad_request_gets_a_4xx_naming_the_field_and_changes_nothing(Case bad) throws IOException {
        fixture.check(bad);
    }

    @Test
    void a_wrong_password_is_refused_and_audited_as_a_failed_login_without_any_other_change() {
        Fingerprint before = fixture.fingerprint();

        TestServer.Response refused = fixture.server()
                .anonymous()
                .post("/api/v1/auth/login", "{\"login\":\"bob\",\"password\":\"wrong-horse-1\"}");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("UNAUTHORIZED");
        Fingerprint after = fixture.fingerprint();
        assertThat(after.rows()).isEqualTo(before.rows());
        assertThat(after.auditSeq()).isEqualTo(before.auditSeq() + 1);
        String newest = fixture.server().app().database().read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT action FROM audit_log WHERE seq = ?")) {
                s.setLong(1, after.auditSeq());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        assertThat(newest).isEqualTo("LOGIN_FAILED");
    }

    /** Everything a request could change: the change-log head, every table's rows, the audit chain's tail. */
    record Fingerprint(List<Long> rows, long auditSeq, String auditHash) {}

    record Answer(int status, String contentType, String body) {}

    /** A server with a ticket (and a comment on it) for alice, and the checks every bad request must pass. */
    record Fixture(TestServer server, Map<String, TestServer.Client> clients, String ticketId) {

        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private static final List<String> ROWS = List.of(
                "SELECT head FROM sync_state WHERE id = 1",
                "SELECT COUNT(*) FROM tickets",
                "SELECT COALESCE(SUM(version), 0) FROM tickets",
                "SELECT COUNT(*) FROM ticket_tags",
                "SELECT COUNT(*) FROM comments",
                "SELECT COUNT(*) FROM watchers",
                "SELECT COUNT(*) FROM change_log",
                "SELECT COUNT(*) FROM devices",
                "SELECT COALESCE(SUM(last_mutation_id + pull_cursor), 0) FROM devices",
                "SELECT COUNT(*) FROM mutations",
                "SELECT COUNT(*) FROM accepted_mutations",
                "SELECT COUNT(*) FROM users",
                "SELECT COUNT(*) FROM tokens WHERE revoked_at IS NULL",
                "SELECT COALESCE(SUM(last_number), 0) FROM projects");

        static Fixture start() {
            TestServer server = TestServer.start();
            TestServer.Client alice = server.as("alice");
            TestServer.Response created =
                    alice.post(TICKETS, "{\"title\":\"Target of bad requests\",\"tags\":[\"a\"]}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(alice.post(TICKETS + "/" + id + "/comments", "{\"body\":\"First\"}")
                            .status())
                    .isEqualTo(201);
            return new Fixture(server, Map.of("alice", alice, "carol", server.as("carol")), id);
        }

        void close() {
            server.close();
        }

        void check(Case bad) throws IOException {
            Fingerprint before = fingerprint();

            Answer answer = send(bad);

            assertThat(answer.status()).as("a 4xx, never a 5xx: %s", answer).isBetween(400, 499);
            assertThat(answer.status()).as("%s", answer).isEqualTo(bad.status());
            assertThat(answer.contentType()).as("%s", answer).startsWith("application/json");
            JsonNode error = Json.lenient().readTree(answer.body()).path("error");
            assertThat(error.path("code").asText()).as("%s", answer).isEqualTo(bad.code());
            assertThat(error.path("message").asText()).as("%s", answer).isNotBlank();
            if (Case.NO_FIELD.equals(bad.field())) {
                assertThat(error.has("field")).as("no field in %s", answer).isFalse();
            } else if (bad.field() != null) {
                assertThat(error.path("field").asText(null)).as("%s", answer).isEqualTo(bad.field());
            }
            assertThat(fingerprint()).as("the database after: %s", bad).isEqualTo(before);
        }

        Fingerprint fingerprint() {
            return server.app().database().read(c -> {
                List<Long> rows = new ArrayList<>();
                for (String sql : ROWS) {
                    try (PreparedStatement s = c.prepareStatement(sql);
                            ResultSet r = s.executeQuery()) {
                        rows.add(r.next() ? r.getLong(1) : -1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT audit_seq, audit_hash FROM sync_state");
                        ResultSet r = s.executeQuery()) {
                    r.next();
                    return new Fingerprint(List.copyOf(rows), r.getLong(1), r.getString(2));
                }
            });
        }

        private Answer send(Case bad) throws IOException {
            String path = bad.path().replace("{id}", ticketId);
            String body = bad.body() == null ? null : bad.body().replace("{id}", ticketId);
            TestServer.Client client = bad.user() == null ? server.anonymous() : clients.get(bad.user());
            if (bad.via() == Transport.SOCKET) {
                return overSocket(bad.method(), path, client.token(), "");
            }
            if (bad.via() == Transport.DECLARED_LENGTH) {
                int length = body.getBytes(StandardCharsets.UTF_8).length;
                return overSocket(
                        bad.method(),
                        path,
                        client.token(),
                        "Content-Type: application/json\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n");
            }
            if (bad.via() == Transport.CHUNKED) {
                return chunked(bad.method(), path, body, client.token());
            }
            TestServer.Response response = bad.ifMatch() != null
                    ? client.patch(path, body, bad.ifMatch())
                    : client.send(bad.method(), path, body);
            return new Answer(
                    response.status(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }

        /** HTTP/1.0 over a socket, so the request line goes out byte for byte and the answer is never chunked. */
        private Answer overSocket(String method, String path, String token, String headers) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write((method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + headers + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                socket.getInputStream().transferTo(all);
                String text = all.toString(StandardCharsets.UTF_8);
                int split = text.indexOf("\r\n\r\n");
                String head = split < 0 ? text : text.substring(0, split);
                String contentType = head.lines()
                        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .findFirst()
                        .orElse("");
                return new Answer(
                        Integer.parseInt(head.split(" ", 3)[1]),
                        contentType,
                        split < 0 ? "" : text.substring(split + 4));
            }
        }

        private Answer chunked(String method, String path, String body, String token) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url(path)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                    .build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return new Answer(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
