package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The way between a device and the server fails as real ones do — the connection cut in the middle of a pull, an answer
 * lost after the server acted, the server going away mid-sync, a gateway answering 502 while it is down, a sign-in
 * revoked — and the engine goes offline (or asks to sign in), recovers by itself and converges, with nothing lost,
 * nothing applied twice and nothing good pushed into the conflict inbox. Devices talk to the server through a
 * {@link TcpProxy} where the test needs to break the way.
 */
class NetworkFaultTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The server of the tests that neither fill it nor stop it; the others start their own. */
    private static TestBackend shared;

    @BeforeAll
    static void startServer() {
        shared = TestBackend.start();
    }

    @AfterAll
    static void stopServer() {
        shared.close();
    }

    @Test
    void a_connection_cut_in_the_middle_of_a_bootstrap_puts_the_engine_offline_and_it_recovers_by_itself()
            throws Exception {
        try (TestBackend backend = TestBackend.start();
                TcpProxy network = TcpProxy.to(backend.port())) {
            List<CreateTicket> seeded = IntStream.range(0, 3000)
                    .mapToObj(i -> CreateTicket.of(Ids.newId(), "Seeded ticket " + i))
                    .toList();
            ServerApi.seed(backend, "carol", seeded);
            TestBackend.Device bob = backend.deviceVia("bob-laptop", "bob", network.url());
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            bob.engine().onStatus(seen::add);

            network.cutAfterResponseBytes(64 * 1024);
            bob.engine().start();
            await().atMost(PATIENCE).until(() -> states(seen).contains(SyncState.OFFLINE));
            assertThat(network.cuts()).isEqualTo(1);
            assertThat(bob.replica().ticketCount())
                    .as("tickets in before the cut")
                    .isLessThan(seeded.size());

            network.heal();
            await().atMost(PATIENCE)
                    .until(() -> bob.replica().ticketCount() == seeded.size()
                            && bob.engine().status().state() == SyncState.SYNCED);
            assertThat(states(seen)).containsSubsequence(SyncState.OFFLINE, SyncState.SYNCED);
            SyncStatus done = bob.engine().status();
            assertThat(done.bootstrapDone()).isEqualTo(done.bootstrapTotal()).isPositive();
            bob.engine().close();
            Sync.assertMatchesServer(
                    bob,
                    ServerApi.as(backend, "carol"),
                    List.of(seeded.get(0).id(), seeded.get(seeded.size() - 1).id()));
        }
    }

    @Test
    void a_push_whose_answer_was_lost_after_the_server_applied_it_is_applied_exactly_once() throws Exception {
        TestBackend backend = shared;
        try (TcpProxy network = TcpProxy.to(backend.port())) {
            TestBackend.Device alice = backend.deviceVia(unique("alice"), "alice", network.url());
            UUID ticket = Ids.newId();
            UUID comment = Ids.newId();
            alice.replica().execute(CreateTicket.of(ticket, "Badge reader at door 2 is dead"));
            alice.replica().execute(new AddComment(comment, ticket, "Tried two badges", Visibility.PUBLIC));

            network.cutAfterResponseBytes(0);
            assertThatThrownBy(() -> alice.engine().syncOnce()).isInstanceOf(IOException.class);
            ServerApi server = ServerApi.as(backend, "carol");
            assertThat(server.ticket(ticket)).as("the server applied the push").isPresent();
            assertThat(alice.replica().pending())
                    .as("the device never heard so")
                    .hasSize(2);

            network.heal();
            alice.engine().syncOnce();

            assertThat(alice.replica().pending()).isEmpty();
            assertThat(alice.replica().conflicts()).isEmpty();
            assertThat(server.outcomes(alice.replica().clientId()))
                    .isEqualTo(Map.of(1L, MutationStatus.ACCEPTED, 2L, MutationStatus.ACCEPTED));
            assertThat(server.comments(ticket)).extracting(Comment::id).containsExactly(comment);
            assertThat(server.trail(ticket))
                    .as("TICKET_CREATED and COMMENT_ADDED, once each")
                    .hasSize(2);
            Sync.assertMatchesServer(alice, server, List.of(ticket));
        }
    }

    @Test
    void a_rejection_whose_answer_was_lost_still_reaches_the_inbox_exactly_once() throws Exception {
        TestBackend backend = shared;
        try (TcpProxy network = TcpProxy.to(backend.port())) {
            TestBackend.Device alice = backend.deviceVia(unique("alice"), "alice", network.url());
            TestBackend.Device bob = backend.device(unique("bob"), "bob");
            UUID ticket = Ids.newId();
            bob.replica().execute(CreateTicket.of(ticket, "Projector in room 4 flickers"));
            Sync.untilQuiet(bob, alice);
            bob.replica().execute(new Transition(ticket, Status.CANCELLED, null, "Room is being renovated"));
            bob.engine().syncOnce();
            alice.replica().execute(Transition.to(ticket, Status.TRIAGED));

            network.cutAfterResponseBytes(0);
            assertThatThrownBy(() -> alice.engine().syncOnce()).isInstanceOf(IOException.class);
            assertThat(alice.replica().conflicts()).isEmpty();
            network.heal();
            alice.engine().syncOnce();

            assertThat(alice.replica().conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.code()).isEqualTo(ErrorCode.TERMINAL);
                assertThat(conflict.message()).contains("was cancelled by bob");
            });
            assertThat(alice.replica().pending()).isEmpty();
            assertThat(alice.replica().ticket(ticket).orElseThrow().status()).isEqualTo(Status.CANCELLED);
            ServerApi server = ServerApi.as(backend, "carol");
            assertThat(server.outcomes(alice.replica().clientId())).isEqualTo(Map.of(1L, MutationStatus.REJECTED));
        }
    }

    @Test
    void a_gateway_answering_502_while_the_server_is_down_moves_none_of_the_waiting_changes_into_the_inbox()
            throws Exception {
        TestBackend backend = shared;
        try (TcpProxy gateway = TcpProxy.to(backend.port())) {
            TestBackend.Device alice = backend.deviceVia(unique("alice"), "alice", gateway.url());
            UUID ticket = Ids.newId();
            alice.replica().execute(CreateTicket.of(ticket, "Wiki search returns nothing"));
            alice.engine().syncOnce();
            List<UUID> comments = List.of(Ids.newId(), Ids.newId());
            for (UUID comment : comments) {
                alice.replica().execute(new AddComment(comment, ticket, "Still broken " + comment, Visibility.PUBLIC));
            }

            gateway.answerRequestsContaining(" HTTP/1.1", 502);
            for (int round = 0; round < 8; round++) {
                assertThatThrownBy(() -> alice.engine().syncOnce()).isInstanceOf(IOException.class);
            }
            gateway.stopAnswering();
            alice.engine().syncOnce();

            assertThat(alice.replica().conflicts())
                    .as("the inbox after the server was unreachable behind its gateway for 8 sync rounds")
                    .isEmpty();
            assertThat(alice.replica().pending()).isEmpty();
            ServerApi server = ServerApi.as(backend, "carol");
            assertThat(server.comments(ticket)).extracting(Comment::id).containsExactlyInAnyOrderElementsOf(comments);
        }
    }

    @Test
    void the_engine_converges_after_the_server_is_stopped_and_restarted_in_the_middle_of_a_sync() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            TestBackend.Device alice = backend.device("alice-laptop", "alice");
            List<SyncStatus> seen = new CopyOnWriteArrayList<>();
            alice.engine().onStatus(seen::add);
            List<UUID> tickets = new ArrayList<>();
            List<UUID> comments = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                UUID ticket = Ids.newId();
                tickets.add(ticket);
                alice.replica().execute(CreateTicket.of(ticket, "Outage report " + t));
                for (int c = 0; c < 20; c++) {
                    UUID comment = Ids.newId();
                    comments.add(comment);
                    alice.replica().execute(new AddComment(comment, ticket, "Update " + c, Visibility.PUBLIC));
                }
            }
            alice.engine().start();
            await().atMost(PATIENCE).until(() -> states(seen).contains(SyncState.SYNCING));
            backend.stopServer();
            alice.replica().execute(new AddTags(tickets.get(0), List.of("outage")));
            await().atMost(Sync.PAST_A_STRANDED_REQUEST)
                    .until(() -> alice.engine().status().state() == SyncState.OFFLINE);
            assertThat(alice.replica().pending())
                    .as("the change made while the server was down")
                    .isNotEmpty();

            backend.restartServer();
            await().atMost(Sync.PAST_A_STRANDED_REQUEST)
                    .until(() -> alice.replica().pending().isEmpty()
                            && alice.engine().status().state() == SyncState.SYNCED);
            alice.engine().syncOnce();

            ServerApi server = ServerApi.as(backend, "carol");
            assertThat(alice.replica().conflicts()).isEmpty();
            assertThat(server.ticket(tickets.get(0)).orElseThrow().tags()).containsExactly("outage");
            List<UUID> onServer = new ArrayList<>();
            tickets.forEach(ticket -> server.comments(ticket).forEach(comment -> onServer.add(comment.id())));
            assertThat(onServer).containsExactlyInAnyOrderElementsOf(comments);
            Sync.assertMatchesServer(alice, server, tickets);
        }
    }

    @Test
    void a_revoked_sign_in_keeps_the_outbox_asks_to_sign_in_again_and_syncs_once_signed_in() throws Exception {
        TestBackend backend = shared;
        TestBackend.Device alice = backend.device(unique("alice"), "alice");
        UUID ticket = Ids.newId();
        alice.replica().execute(CreateTicket.of(ticket, "Shared drive is read-only"));
        alice.engine().syncOnce();
        ServerApi.signOut(backend, alice.client().token());

        alice.engine().start();
        alice.replica().execute(new AddTags(ticket, List.of("storage")));
        await().atMost(PATIENCE).until(() -> alice.engine().status().needsLogin());
        assertThat(alice.replica().pending()).as("the outbox is kept").hasSize(1);

        String token = new SyncClient(backend.url(), null)
                .login("alice", TestBackend.PASSWORD)
                .token();
        alice.engine().signedIn(token);
        await().atMost(PATIENCE)
                .until(() -> alice.replica().pending().isEmpty()
                        && alice.engine().status().state() == SyncState.SYNCED);
        ServerApi server = ServerApi.as(backend, "carol");
        assertThat(server.ticket(ticket).orElseThrow().tags()).containsExactly("storage");
        assertThat(alice.engine().status().needsLogin()).isFalse();
    }

    private static String unique(String login) {
        return login + "-" + UUID.randomUUID();
    }

    private static List<SyncState> states(List<SyncStatus> seen) {
        return seen.stream().map(SyncStatus::state).toList();
    }
}
