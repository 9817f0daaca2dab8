package dev.ticketsync.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.server.TestDatabases;
import dev.ticketsync.server.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only and hash-chained (DESIGN.md §6): the database refuses edits, and an edit made behind its
 * back (triggers dropped) is found by {@code GET /api/v1/audit/verify} at the first bad seq.
 */
class AuditChainTest {

    private static TestServer server;
    private static TestServer.Client alice;
    private static TestServer.Client carol;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
        carol = server.as("carol");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String createTicket(TestServer.Client client, String title) {
        TestServer.Response created = client.post("/api/v1/tickets", "{\"title\":\"" + title + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Some of everything: tickets, a comment, an assignment, a transition. */
    private static String someActivity(TestServer.Client client, String title) {
        String id = createTicket(client, title);
        assertThat(client.post("/api/v1/tickets/" + id + "/comments", "{\"body\":\"On it\",\"visibility\":\"public\"}")
                        .status())
                .isEqualTo(201);
        assertThat(client.patch("/api/v1/tickets/" + id, "{\"assignee\":\"bob\"}", null)
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"triaged\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static long createdSeq(TestServer.Client client, String ticketId) {
        JsonNode first =
                client.get("/api/v1/tickets/" + ticketId + "/audit").json().at("/items/0");
        assertThat(first.get("action").asText()).isEqualTo("TICKET_CREATED");
        return first.get("seq").asLong();
    }

    private static JsonNode verify(TestServer.Client lead) {
        TestServer.Response verified = lead.get("/api/v1/audit/verify");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json();
    }

    private static int execute(TestServer target, String sql, Object... params) throws SQLException {
        try (Connection c = target.app().database().connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            int count = s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return count;
        }
    }

    private static String query(TestServer target, String sql, Object... params) throws SQLException {
        try (Connection c = target.app().database().connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /**
     * Disables the append-only guard for {@code UPDATE} or {@code DELETE}, as someone with raw database access could:
     * H2 has one trigger per statement kind, PostgreSQL one trigger for both.
     */
    private static void dropGuard(TestServer target, String statement) throws SQLException {
        if (TestDatabases.postgres()) {
            execute(target, "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log");
        } else {
            execute(target, "DROP TRIGGER audit_log_no_" + statement);
        }
    }

    @Test
    void after_rest_activity_verify_reports_ok_over_every_entry() throws SQLException {
        someActivity(alice, "Chain of custody");

        JsonNode verified = verify(carol);

        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("entries").asLong())
                .isPositive()
                .isEqualTo(Long.parseLong(query(server, "SELECT COUNT(*) FROM audit_log")));
        assertThat(verified.has("firstBadSeq")).isFalse();
    }

    @Test
    void an_agent_may_not_verify_or_query_the_whole_log() {
        TestServer.Response verify = alice.get("/api/v1/audit/verify");
        TestServer.Response query = alice.get("/api/v1/audit?actor=alice");

        assertThat(verify.status()).isEqualTo(403);
        assertThat(verify.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(query.status()).isEqualTo(403);
        assertThat(server.anonymous().get("/api/v1/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void the_database_itself_refuses_update_and_delete_on_the_audit_log() throws SQLException {
        long seq = createdSeq(alice, createTicket(alice, "Refuse to rewrite me"));
        String changes = query(server, "SELECT changes FROM audit_log WHERE seq = ?", seq);

        assertThatThrownBy(() -> execute(server, "UPDATE audit_log SET changes = '{}' WHERE seq = ?", seq))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(server, "UPDATE audit_log SET actor = 'mallory'"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(server, "DELETE FROM audit_log WHERE seq = ?", seq))
                .isInstanceOf(SQLException.class);

        assertThat(query(server, "SELECT changes FROM audit_log WHERE seq = ?", seq))
                .isEqualTo(changes);
        assertThat(query(server, "SELECT COUNT(*) FROM audit_log WHERE actor = 'mallory'"))
                .isEqualTo("0");
        assertThat(verify(carol).get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_row_rewritten_behind_the_servers_back_is_reported_at_its_seq() throws SQLException {
        try (TestServer own = TestServer.start()) {
            TestServer.Client agent = own.as("alice");
            TestServer.Client lead = own.as("carol");
            someActivity(agent, "Before the forgery");
            String forged = createTicket(agent, "Original title");
            someActivity(agent, "After the forgery");
            long seq = createdSeq(agent, forged);
            JsonNode before = verify(lead);
            assertThat(before.get("ok").asBoolean()).isTrue();

            dropGuard(own, "update");
            int updated = execute(
                    own,
                    "UPDATE audit_log SET changes = REPLACE(changes, 'Original title', 'Forged title') WHERE seq = ?",
                    seq);

            assertThat(updated).isEqualTo(1);
            assertThat(query(own, "SELECT changes FROM audit_log WHERE seq = ?", seq))
                    .contains("Forged title");
            JsonNode after = verify(lead);
            assertThat(after.get("ok").asBoolean()).isFalse();
            assertThat(after.get("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(after.get("entries").asLong())
                    .isEqualTo(before.get("entries").asLong());
        }
    }

    @Test
    void a_middle_row_deleted_behind_the_servers_back_is_reported_at_the_next_seq() throws SQLException {
        try (TestServer own = TestServer.start()) {
            TestServer.Client agent = own.as("alice");
            TestServer.Client lead = own.as("carol");
            someActivity(agent, "Before the hole");
            String removed = createTicket(agent, "Soon forgotten");
            someActivity(agent, "After the hole");
            long seq = createdSeq(agent, removed);
            JsonNode before = verify(lead);
            assertThat(before.get("ok").asBoolean()).isTrue();

            dropGuard(own, "delete");
            int deleted = execute(own, "DELETE FROM audit_log WHERE seq = ?", seq);

            assertThat(deleted).isEqualTo(1);
            JsonNode after = verify(lead);
            assertThat(after.get("ok").asBoolean()).isFalse();
            assertThat(after.get("firstBadSeq").asLong()).isEqualTo(seq + 1);
            assertThat(after.get("entries").asLong())
                    .isEqualTo(before.get("entries").asLong() - 1);
        }
    }

    @Test
    void the_audit_query_filters_by_actor_and_action_in_seq_order_and_pages_each_entry_once() {
        TestServer.Client bob = server.as("bob");
        Set<String> alicesTickets = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            alicesTickets.add(someActivity(alice, "Alice's audited ticket " + i));
            createTicket(bob, "Bob's audited ticket " + i);
        }

        TestServer.Response all = carol.get("/api/v1/audit?actor=alice&action=TICKET_CREATED&limit=500");

        assertThat(all.status()).isEqualTo(200);
        JsonNode items = all.json().get("items");
        List<Long> seqs = new ArrayList<>();
        Set<String> tickets = new HashSet<>();
        for (JsonNode item : items) {
            assertThat(item.get("actor").asText()).isEqualTo("alice");
            assertThat(item.get("action").asText()).isEqualTo("TICKET_CREATED");
            seqs.add(item.get("seq").asLong());
            tickets.add(item.get("ticketId").asText());
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(tickets).containsAll(alicesTickets).hasSameSizeAs(seqs);
        assertThat(all.json().get("nextCursor").isNull()).isTrue();

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TestServer.Response page = carol.get("/api/v1/audit?actor=alice&action=TICKET_CREATED&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(item -> paged.add(item.get("seq").asLong()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(paged).isEqualTo(seqs);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void an_unknown_action_is_refused_naming_action() {
        TestServer.Response refused = carol.get("/api/v1/audit?action=TICKET_EATEN");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo("action");
    }
}
