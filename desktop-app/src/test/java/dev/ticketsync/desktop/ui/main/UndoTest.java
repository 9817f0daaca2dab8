package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.PendingMutation;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+Z on a real replica: an action no push has carried is withdrawn from the outbox as if never made; one that may
 * be on the server is undone by the inverse change, which the workflow may refuse.
 */
class UndoTest {

    @TempDir
    Path dir;

    private Replica replica;
    private MainViewModel model;

    @BeforeEach
    void openReplica() throws Exception {
        replica = Replica.open(dir, "http://127.0.0.1:1", "alice", Role.LEAD, Clock.systemUTC());
        model = new MainViewModel(replica, Scheduler.direct());
        model.reload();
    }

    @AfterEach
    void closeReplica() {
        replica.close();
    }

    @Test
    void undo_of_an_unsent_bulk_priority_change_withdraws_it_from_the_outbox() {
        Ticket vpn = create("VPN drops every few minutes");
        Ticket printer = create("Printer on floor 3 jams");
        Ticket later = create("Laptop for the new starter");
        List<Long> before = mutationIds();

        model.actions().priority(List.of(row(vpn), row(printer)), Priority.P1);
        assertThat(row(vpn).priority()).isEqualTo(Priority.P1);
        model.actions().undo();

        assertThat(row(vpn).priority()).isEqualTo(Priority.P3);
        assertThat(row(printer).priority()).isEqualTo(Priority.P3);
        assertThat(mutationIds()).as("gone as if never made").isEqualTo(before);
        assertThat(model.messageProperty().get()).isEqualTo("Undone: Priority P1 (it had not been sent)");
        model.actions().assignToMe(List.of(row(later)));
        assertThat(mutationIds())
                .as("the next change takes the next id: the server sees no gap")
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void undo_of_a_change_a_push_already_carried_queues_the_inverse_change() {
        Ticket vpn = create("VPN drops every few minutes");
        model.actions().assignToMe(List.of(row(vpn)));
        model.actions().priority(List.of(row(vpn)), Priority.P2);
        replica.toPush(1000);

        model.actions().undo();

        assertThat(row(vpn).priority()).isEqualTo(Priority.P3);
        assertThat(replica.pending()).hasSize(4);
        assertThat(replica.pending().get(3).command()).isInstanceOf(EditFields.class);
        assertThat(model.messageProperty().get()).isEqualTo("Undone: Priority P2");
        model.actions().undo();
        assertThat(row(vpn).assignee()).isNull();
        assertThat(replica.pending().get(4).command()).isEqualTo(new Assign(vpn.id(), null));
    }

    @Test
    void undo_that_the_workflow_forbids_says_why_and_changes_nothing() {
        Ticket vpn = create("VPN drops every few minutes");
        model.actions().transition(List.of(row(vpn)), Status.TRIAGED, null, null);
        replica.toPush(1000);
        int pending = replica.pending().size();

        model.actions().undo();

        assertThat(row(vpn).status()).isEqualTo(Status.TRIAGED);
        assertThat(replica.pending()).hasSize(pending);
        assertThat(model.messageProperty().get()).contains("Triaged").contains("New");
    }

    @Test
    void with_nothing_to_undo_it_says_so() {
        model.actions().undo();

        assertThat(model.messageProperty().get()).isEqualTo("Nothing to undo");
    }

    @Test
    void a_withdrawal_is_refused_for_changes_already_handed_to_a_push() {
        Ticket vpn = create("VPN drops every few minutes");
        List<PendingMutation> sent = replica.toPush(1000);

        assertThat(replica.withdraw(List.of(sent.get(0).mutationId()))).isFalse();
        assertThat(replica.pending()).hasSize(1);
        assertThat(replica.ticket(vpn.id())).isPresent();
    }

    private Ticket create(String title) {
        assertThat(model.actions().create(title, null, Priority.P3, TicketType.INCIDENT))
                .isNull();
        return model.rows().stream()
                .filter(ticket -> ticket.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private Ticket row(Ticket ticket) {
        return model.rows().stream()
                .filter(row -> row.id().equals(ticket.id()))
                .findFirst()
                .orElseThrow();
    }

    private List<Long> mutationIds() {
        return replica.pending().stream().map(PendingMutation::mutationId).toList();
    }
}
