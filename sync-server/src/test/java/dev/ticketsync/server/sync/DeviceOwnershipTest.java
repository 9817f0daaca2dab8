package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.PUSH;
import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.pullPath;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static dev.ticketsync.server.sync.SyncCalls.pushBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A clientId belongs to the user who first used it, by push or by pull (DESIGN.md §5). */
class DeviceOwnershipTest {

    private static TestServer server;
    private static TestServer.Client alice;
    private static TestServer.Client bob;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
        bob = server.as("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_client_id_first_pushed_by_alice_is_refused_to_bob_on_push_and_pull() {
        UUID clientId = UUID.randomUUID();
        push(alice, clientId, List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Alice's first"))));
        UUID bobsTicket = UUID.randomUUID();

        TestServer.Response pushed =
                bob.post(PUSH, pushBody(clientId, List.of(mutation(2, CreateTicket.of(bobsTicket, "Bob's")))));
        TestServer.Response pulled = bob.get(pullPath(clientId, 0, 100));

        assertThat(pushed.status()).isEqualTo(403);
        assertThat(pushed.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(pulled.status()).isEqualTo(403);
        assertThat(pulled.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(alice.get("/api/v1/tickets/" + bobsTicket).status()).isEqualTo(404);
        PushResult alicesNext =
                push(alice, clientId, List.of(mutation(2, CreateTicket.of(UUID.randomUUID(), "Alice's second"))));
        assertThat(alicesNext.results().get(0).status()).isEqualTo(MutationStatus.ACCEPTED);
        assertThat(alicesNext.lastMutationId()).isEqualTo(2);
    }

    @Test
    void a_client_id_first_pulled_by_alice_is_refused_to_bob_on_push_and_pull() {
        UUID clientId = UUID.randomUUID();
        assertThat(alice.get(pullPath(clientId, 0, 10)).status()).isEqualTo(200);
        UUID bobsTicket = UUID.randomUUID();

        TestServer.Response pushed =
                bob.post(PUSH, pushBody(clientId, List.of(mutation(1, CreateTicket.of(bobsTicket, "Bob's")))));
        TestServer.Response pulled = bob.get(pullPath(clientId, 0, 10));

        assertThat(pushed.status()).isEqualTo(403);
        assertThat(pulled.status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/tickets/" + bobsTicket).status()).isEqualTo(404);
        assertThat(push(alice, clientId, List.of()).lastMutationId()).isZero();
    }

    @Test
    void bob_is_refused_before_his_batch_is_looked_at_so_he_learns_nothing_about_alices_device() {
        UUID clientId = UUID.randomUUID();
        push(
                alice,
                clientId,
                List.of(
                        mutation(1, CreateTicket.of(UUID.randomUUID(), "Alice one")),
                        mutation(2, CreateTicket.of(UUID.randomUUID(), "Alice two"))));

        TestServer.Response empty = bob.post(PUSH, pushBody(clientId, List.of()));
        TestServer.Response gapped = bob.post(
                PUSH, pushBody(clientId, List.of(mutation(9, CreateTicket.of(UUID.randomUUID(), "Far ahead")))));
        TestServer.Response duplicate =
                bob.post(PUSH, pushBody(clientId, List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Replay")))));

        assertThat(empty.status()).as(empty.body()).isEqualTo(403);
        assertThat(empty.body()).doesNotContain("lastMutationId");
        assertThat(gapped.status()).as(gapped.body()).isEqualTo(403);
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(403);
        assertThat(duplicate.body()).doesNotContain("Alice");
    }

    /** Ownership is checked before anything else in the request (issue #3), so an invalid batch is 403 too. */
    @Test
    void bob_gets_403_on_alices_client_id_even_when_his_batch_is_invalid() {
        UUID clientId = UUID.randomUUID();
        push(alice, clientId, List.of());
        StringBuilder tooMany = new StringBuilder("{\"clientId\":\"" + clientId + "\",\"mutations\":[");
        for (int i = 1; i <= 1001; i++) {
            tooMany.append(i > 1 ? "," : "")
                    .append("{\"mutationId\":")
                    .append(i)
                    .append(",\"command\":\"watch\",\"args\":{\"ticketId\":\"")
                    .append(UUID.randomUUID())
                    .append("\"}}");
        }
        tooMany.append("]}");
        String argsNotAnObject = "{\"clientId\":\"" + clientId
                + "\",\"mutations\":[{\"mutationId\":1,\"command\":\"watch\",\"args\":[]}]}";

        TestServer.Response oversized = bob.post(PUSH, tooMany.toString());
        TestServer.Response malformed = bob.post(PUSH, argsNotAnObject);

        assertThat(oversized.status()).as(oversized.body()).isEqualTo(403);
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(403);
    }

    @Test
    void a_lead_or_an_admin_may_not_use_an_agents_client_id_either() {
        UUID clientId = UUID.randomUUID();
        push(alice, clientId, List.of());

        for (String login : List.of("carol", "admin")) {
            TestServer.Client other = server.as(login);
            assertThat(other.post(PUSH, pushBody(clientId, List.of())).status())
                    .as(login)
                    .isEqualTo(403);
            assertThat(other.get(pullPath(clientId, 0, 10)).status()).as(login).isEqualTo(403);
        }
    }

    @Test
    void a_client_id_bob_claimed_first_stays_bobs_for_alice() {
        UUID clientId = UUID.randomUUID();
        UUID alicesTicket = UUID.randomUUID();
        push(bob, clientId, List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Bob's device"))));

        TestServer.Response pushed =
                alice.post(PUSH, pushBody(clientId, List.of(mutation(2, CreateTicket.of(alicesTicket, "Alice's")))));

        assertThat(pushed.status()).isEqualTo(403);
        assertThat(alice.get(pullPath(clientId, 0, 10)).status()).isEqualTo(403);
        assertThat(bob.get("/api/v1/tickets/" + alicesTicket).status()).isEqualTo(404);
        assertThat(SyncCalls.pull(bob, clientId, 0, 10).lastMutationId()).isEqualTo(1);
    }
}
