package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import java.time.Duration;
import java.util.UUID;
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
}
