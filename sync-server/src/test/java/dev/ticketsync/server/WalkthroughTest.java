package dev.ticketsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user does with curl, step by step, against a real server. */
class WalkthroughTest {

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
    void a_ticket_from_creation_to_closed_with_every_step_audited() {
        TestServer.Client alice = server.as("alice");
        TestServer.Response created = alice.post(
                "/api/v1/tickets", "{\"title\":\"VPN drops every 10 minutes\",\"priority\":\"p2\",\"tags\":[\"vpn\"]}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode ticket = created.json();
        String id = ticket.get("id").asText();
        String key = ticket.get("key").asText();
        assertThat(key).matches("OPS-\\d+");
        assertThat(ticket.get("status").asText()).isEqualTo("new");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tickets/" + id);

        assertThat(alice.get("/api/v1/tickets/" + id).json().get("key").asText())
                .isEqualTo(key);
        assertThat(alice.get("/api/v1/tickets/" + key).json().get("id").asText())
                .isEqualTo(id);

        TestServer.Response illegal = alice.post("/api/v1/tickets/" + key + "/transitions", "{\"to\":\"resolved\"}");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.errorCode()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(illegal.json().at("/error/message").asText()).contains(key).contains("New");
        assertThat(illegal.json().at("/error/allowedTransitions").toString()).contains("triaged");

        assertThat(alice.post(
                                "/api/v1/tickets/" + id + "/comments",
                                "{\"body\":\"Seen on two laptops\",\"visibility\":\"internal\"}")
                        .status())
                .isEqualTo(201);
        TestServer.Response assigned = alice.patch("/api/v1/tickets/" + id, "{\"assignee\":\"bob\"}", "1");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("version").asLong()).isEqualTo(2);
        TestServer.Response stale = alice.patch("/api/v1/tickets/" + id, "{\"priority\":\"p1\"}", "1");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("STALE_VERSION");

        for (String step : List.of(
                "{\"to\":\"triaged\"}",
                "{\"to\":\"in_progress\"}",
                "{\"to\":\"resolved\",\"resolution\":\"Rolled back the client\"}",
                "{\"to\":\"closed\"}")) {
            assertThat(alice.post("/api/v1/tickets/" + id + "/transitions", step)
                            .status())
                    .as(step)
                    .isEqualTo(200);
        }
        TestServer.Response closed = alice.get("/api/v1/tickets/" + id);
        assertThat(closed.json().get("status").asText()).isEqualTo("closed");
        assertThat(closed.json().get("comments")).hasSize(1);

        TestServer.Response audit = alice.get("/api/v1/tickets/" + id + "/audit");
        List<String> actions = new ArrayList<>();
        audit.json()
                .get("items")
                .forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions)
                .containsExactly(
                        "TICKET_CREATED",
                        "COMMENT_ADDED",
                        "ASSIGNED",
                        "STATUS_CHANGED",
                        "STATUS_CHANGED",
                        "STATUS_CHANGED",
                        "STATUS_CHANGED");
        assertThat(server.as("carol")
                        .get("/api/v1/audit/verify")
                        .json()
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void cancel_gives_the_ticket_and_cancelling_again_is_a_conflict() {
        TestServer.Client alice = server.as("alice");
        String id = alice.post("/api/v1/tickets", "{\"title\":\"Duplicate request\"}")
                .json()
                .get("id")
                .asText();
        TestServer.Response cancelled = alice.delete("/api/v1/tickets/" + id, "{\"reason\":\"duplicate\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        TestServer.Response again = alice.delete("/api/v1/tickets/" + id, "{\"reason\":\"duplicate\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("TERMINAL");
        assertThat(again.json().at("/error/message").asText()).contains("was cancelled by alice");
    }

    @Test
    void an_agent_may_not_cancel_a_ticket_someone_else_reported() {
        String id = server.as("bob")
                .post("/api/v1/tickets", "{\"title\":\"Bob's ticket\"}")
                .json()
                .get("id")
                .asText();
        TestServer.Response refused = server.as("alice").delete("/api/v1/tickets/" + id, "{\"reason\":\"mine now\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(server.as("carol")
                        .delete("/api/v1/tickets/" + id, "{\"reason\":\"lead decides\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void list_filters_pages_and_counts_exactly() {
        TestServer.Client bob = server.as("bob");
        for (int i = 0; i < 7; i++) {
            bob.post("/api/v1/tickets", "{\"title\":\"Paging probe " + i + " zebra\",\"tags\":[\"paging\"]}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            TestServer.Response page =
                    bob.get("/api/v1/tickets?tag=paging&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("total").asLong()).isEqualTo(7);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(bob.get("/api/v1/tickets?q=zebra%20probe&status=open")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(7);
        assertThat(bob.get("/api/v1/tickets?q=zebra%20giraffe")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }
}
