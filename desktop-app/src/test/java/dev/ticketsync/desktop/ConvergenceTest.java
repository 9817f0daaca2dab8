package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Replicas that work offline and then sync end up equal to the server and to each other. */
class ConvergenceTest {

    @Test
    void a_ticket_created_offline_shows_a_provisional_key_then_syncs_and_reaches_the_other_device() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            TestBackend.Device alice = backend.device("alice-laptop", "alice");
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            UUID id = Ids.newId();
            alice.replica().execute(CreateTicket.of(id, "Printer on floor 3 jams"));
            Ticket local = alice.replica().ticket(id).orElseThrow();
            assertThat(local.key()).isNull();
            assertThat(local.displayKey()).startsWith("OPS-?");
            assertThat(alice.replica().pendingTicketIds()).contains(id);

            alice.engine().start();
            bob.engine().start();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> alice.replica().pending().isEmpty()
                            && alice.replica().ticket(id).orElseThrow().key() != null);
            assertThat(alice.replica().pendingTicketIds()).doesNotContain(id);
            String key = alice.replica().ticket(id).orElseThrow().key();
            assertThat(key).matches("OPS-\\d+");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> bob.replica().ticket(id).map(Ticket::key).orElse(""), key::equals);
            bob.replica().execute(new AddComment(Ids.newId(), id, "On it", Visibility.PUBLIC));
            bob.replica().execute(new Assign(id, "bob"));
            bob.replica().execute(Transition.to(id, Status.IN_PROGRESS));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> alice.replica().ticket(id).orElseThrow().status() == Status.IN_PROGRESS
                            && alice.replica().comments(id).size() == 1);
            assertThat(alice.engine().status().state()).isIn(SyncState.SYNCED, SyncState.SYNCING);
            assertThat(alice.replica().ticket(id)).isEqualTo(bob.replica().ticket(id));
        }
    }

    @Test
    void replicas_that_edited_shared_tickets_offline_converge_to_the_server_and_the_audit_records_each_mutation_once()
            throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ConvergenceTest seed " + seed);
        Random random = new Random(seed);
        try (TestBackend backend = TestBackend.start()) {
            TestBackend.Device alice = backend.device("alice-laptop", "alice");
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            Edits aliceEdits = new Edits(alice.replica());
            Edits bobEdits = new Edits(bob.replica());
            List<UUID> shared = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                UUID id = Ids.newId();
                shared.add(id);
                (i < 3 ? aliceEdits : bobEdits).run(CreateTicket.of(id, "Shared ticket " + i));
            }
            alice.engine().start();
            bob.engine().start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> shared.stream().allMatch(id -> hasKey(alice, id) && hasKey(bob, id)));

            backend.stopServer();
            int aliceLeft = EDITS;
            int bobLeft = EDITS;
            while (aliceLeft + bobLeft > 0) {
                boolean aliceTurn = bobLeft == 0 || (aliceLeft > 0 && random.nextBoolean());
                boolean queued = (aliceTurn ? aliceEdits : bobEdits)
                        .make(
                                Edits.Kind.values()[random.nextInt(Edits.Kind.values().length)],
                                shared.get(random.nextInt(shared.size())),
                                random.nextInt(1000));
                if (queued && aliceTurn) {
                    aliceLeft--;
                } else if (queued) {
                    bobLeft--;
                }
            }
            assertThat(alice.replica().pending()).hasSize(EDITS);
            assertThat(bob.replica().pending()).hasSize(EDITS);
            await().atMost(Sync.PAST_A_STRANDED_REQUEST)
                    .until(() -> alice.engine().status().state() == SyncState.OFFLINE
                            && bob.engine().status().state() == SyncState.OFFLINE);

            backend.restartServer();
            await().atMost(Sync.PAST_A_STRANDED_REQUEST)
                    .until(() -> alice.replica().pending().isEmpty()
                            && bob.replica().pending().isEmpty());
            Sync.untilQuiet(alice, bob);

            ServerApi carol = ServerApi.as(backend, "carol");
            Sync.assertMatchesServer(alice, carol, shared);
            Sync.assertMatchesServer(bob, carol, shared);
            Sync.assertEveryMutationAcceptedOrInTheInbox(alice, carol, aliceEdits);
            Sync.assertEveryMutationAcceptedOrInTheInbox(bob, carol, bobEdits);

            List<AuditEntry> audit = carol.audit();
            int accepted = Sync.assertEachAcceptedMutationAuditedOnce(alice, audit, aliceEdits)
                    + Sync.assertEachAcceptedMutationAuditedOnce(bob, audit, bobEdits);
            System.out.printf(
                    "ConvergenceTest: %d mutations accepted, rejected into the inboxes: %s%n",
                    accepted,
                    java.util.stream.Stream.of(alice, bob)
                            .flatMap(device -> device.replica().conflicts().stream())
                            .collect(Collectors.groupingBy(Conflict::code, Collectors.counting())));
            Map<Object, Long> commentsAdded = audit.stream()
                    .filter(entry -> entry.action() == AuditAction.COMMENT_ADDED)
                    .collect(Collectors.groupingBy(
                            entry -> entry.changes().get("commentId").newValue(), Collectors.counting()));
            for (UUID id : shared) {
                for (Comment comment : carol.comments(id)) {
                    assertThat(commentsAdded.get(comment.id().toString()))
                            .as("COMMENT_ADDED entries for comment %s", comment.id())
                            .isEqualTo(1L);
                }
            }
        }
    }

    @Test
    void a_change_made_on_one_online_device_shows_on_the_other_within_two_seconds() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            TestBackend.Device alice = backend.device("alice-laptop", "alice");
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            UUID ticket = Ids.newId();
            alice.replica().execute(CreateTicket.of(ticket, "Coffee machine shows error E42"));
            alice.engine().start();
            bob.engine().start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bob.replica().ticket(ticket).isPresent());

            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                UUID comment = Ids.newId();
                long start = System.nanoTime();
                alice.replica().execute(new AddComment(comment, ticket, "Reading " + i, Visibility.PUBLIC));
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> bob.replica().comments(ticket).stream().anyMatch(c -> c.id().equals(comment)));
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf(
                    "ConvergenceTest: push-to-other-replica latency over 10 changes: median %d ms, max %d ms%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            assertThat(sorted.get(sorted.size() / 2)).isLessThan(2000L);
        }
    }

    private static final int EDITS = 50;

    private static boolean hasKey(TestBackend.Device device, UUID id) {
        return device.replica().pending().isEmpty()
                && device.replica().ticket(id).map(Ticket::key).isPresent();
    }
}
