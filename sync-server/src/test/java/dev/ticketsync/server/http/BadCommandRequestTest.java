package dev.ticketsync.server.http;

import static dev.ticketsync.server.http.BadRequestTest.TICKET;
import static dev.ticketsync.server.http.BadRequestTest.TICKETS;
import static dev.ticketsync.server.http.BadRequestTest.json;

import dev.ticketsync.server.TestServer;
import dev.ticketsync.server.http.BadRequestTest.Case;
import dev.ticketsync.server.http.BadRequestTest.Fixture;
import java.io.IOException;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The second half of the bad-request table ({@link BadRequestTest}): changing tickets (PATCH, transitions, cancel,
 * comments), sync push and pull, the audit query and the auth endpoints. Each → a 4xx naming the field, no change.
 */
class BadCommandRequestTest {

    private static final String PUSH = "/api/v1/sync/push";
    private static final String PULL = "/api/v1/sync/pull";

    private static Fixture fixture;

    private static Case transition(String name, String body, String field) {
        return Case.of("transition: " + name, "POST", TICKET + "/transitions", body, 400, field);
    }

    private static Case cancel(String name, String body, String field) {
        return Case.of("cancel: " + name, "DELETE", TICKET, body, 400, field);
    }

    private static Case comment(String name, String body, String field) {
        return Case.of("comment: " + name, "POST", TICKET + "/comments", body, 400, field);
    }

    private static Case patch(String name, String body, String field) {
        return Case.of("patch: " + name, "PATCH", TICKET, body, 400, field);
    }

    private static Case push(String name, String body, String field) {
        return Case.of("push: " + name, "POST", PUSH, body, 400, field);
    }

    /** A push of {@code mutations} from a device never seen before. */
    private static Case pushFromNewDevice(String name, String mutations, String field) {
        return push(name, "{\"clientId\":\"" + UUID.randomUUID() + "\",\"mutations\":" + mutations + "}", field);
    }

    private static String mutation(long mutationId) {
        return "{\"mutationId\":" + mutationId + ",\"command\":\"create_ticket\",\"args\":{\"id\":\""
                + UUID.randomUUID() + "\",\"title\":\"Never stored\"},\"clientTime\":\"2026-01-31T10:00:00Z\"}";
    }

    private static Case get(String name, String path, String field) {
        return Case.of(name, "GET", path, null, 400, field);
    }

    private static Case auth(String name, String path, String body, String field) {
        return Case.of(name, "POST", path, body, 400, field);
    }

    static Stream<Case> cases() {
        String device = UUID.randomUUID().toString();
        return Stream.of(
                transition("missing to", "{\"reason\":\"why\"}", "to"),
                transition("unknown status", "{\"to\":\"done\"}", "to"),
                transition("a number for to", "{\"to\":3}", "to"),
                transition("unknown field", "{\"to\":\"triaged\",\"by\":\"me\"}", "by"),
                transition("malformed JSON", "{\"to\":", "body"),
                cancel("no reason", "{}", "reason"),
                cancel("blank reason", "{\"reason\":\"  \"}", "reason"),
                cancel("no body", "", "body"),
                cancel("unknown ticket", "{\"reason\":\"gone\"}", Case.NO_FIELD)
                        .answers(404, "NOT_FOUND")
                        .withPath(TICKETS + "/" + UUID.randomUUID()),
                comment("blank body", "{\"body\":\" \",\"visibility\":\"public\"}", "body"),
                comment("unknown visibility", "{\"body\":\"Hi\",\"visibility\":\"secret\"}", "visibility"),
                comment("unknown field", "{\"body\":\"Hi\",\"author\":\"bob\"}", "author"),
                comment("on an unknown ticket key", "{\"body\":\"Hello\"}", Case.NO_FIELD)
                        .answers(404, "NOT_FOUND")
                        .withPath(TICKETS + "/OPS-999999/comments"),
                patch("unknown field", "{\"colour\":\"red\"}", "colour"),
                patch("a number for a string", "{\"priority\":1}", "priority"),
                patch("a boolean for a string", "{\"title\":false}", "title"),
                patch("unknown priority", "{\"priority\":\"p9\"}", "priority"),
                patch("title of 201 characters", "{\"title\":" + json("x".repeat(201)) + "}", "title"),
                patch("no fields", "{}", "body"),
                patch("JSON array instead of an object", "[]", "body"),
                patch("If-Match not a number", "{\"priority\":\"p1\"}", "If-Match")
                        .ifMatch("abc"),
                push("missing clientId", "{\"mutations\":[" + mutation(1) + "]}", "clientId"),
                push("clientId not a UUID", "{\"clientId\":\"phone\",\"mutations\":[]}", "clientId"),
                push("unknown field", "{\"clientId\":\"" + device + "\",\"mutations\":[],\"force\":true}", "force"),
                pushFromNewDevice("missing mutations", "null", "mutations"),
                pushFromNewDevice("mutationId 0", "[" + mutation(0) + "]", "mutations[0].mutationId"),
                pushFromNewDevice(
                        "a gap inside the batch",
                        "[" + mutation(1) + "," + mutation(3) + "]",
                        "mutations[1].mutationId"),
                pushFromNewDevice(
                                "a batch that starts past the next id",
                                "[" + mutation(5) + "]",
                                "mutations[0].mutationId")
                        .answers(409, "MUTATION_GAP"),
                get("pull: no clientId", PULL + "?cursor=0", "clientId"),
                get("pull: cursor -1", PULL + "?clientId=" + device + "&cursor=-1", "cursor"),
                get("pull: limit 5001", PULL + "?clientId=" + device + "&limit=5001", "limit"),
                get("pull: unknown parameter", PULL + "?clientId=" + device + "&since=0", "since"),
                get("audit: unknown action", "/api/v1/audit?action=TICKET_EATEN", "action")
                        .as("carol"),
                get("audit: bad since", "/api/v1/audit?since=yesterday", "since")
                        .as("carol"),
                get("audit: bad until", "/api/v1/audit?until=tomorrow", "until").as("carol"),
                get(
                                "audit: until before since",
                                "/api/v1/audit?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                                "until")
                        .as("carol"),
                get("audit: unknown order", "/api/v1/audit?order=random", "order")
                        .as("carol"),
                get("audit: unknown ticket key", "/api/v1/audit?ticket=OPS-999999", "ticket")
                        .as("carol"),
                auth("login: missing password", "/api/v1/auth/login", "{\"login\":\"alice\"}", "password")
                        .as(null),
                auth("login: malformed JSON", "/api/v1/auth/login", "{\"login\":", "body")
                        .as(null),
                auth(
                        "password: missing new password",
                        "/api/v1/auth/password",
                        "{\"currentPassword\":\"" + TestServer.PASSWORD + "\"}",
                        "newPassword"));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_bad_request_gets_a_4xx_naming_the_field_and_changes_nothing(Case bad) throws IOException {
        fixture.check(bad);
    }
}
