package dev.ticketsync.desktop.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts on alice's device against a real server: bob's changes to tickets assigned to or watched by alice say what
 * happened; her own changes, tickets that are not hers, and the first sync stay quiet.
 */
class WatchAlertsTest {

    private TestBackend backend;
    private TestBackend.Device alice;
    private TestBackend.Device bob;
    private final List<String> alerts = new CopyOnWriteArrayList<>();
    private final UUID printer = Ids.newId();
    private final UUID vpn = Ids.newId();

    @BeforeEach
    void twoDevicesInSync() throws Exception {
        backend = TestBackend.start();
        bob = backend.device("bob", "bob");
        alice = backend.device("alice", "alice");
        bob.replica().execute(CreateTicket.of(printer, "Printer on floor 3 jams"));
        bob.replica().execute(CreateTicket.of(vpn, "VPN drops every hour"));
        bob.replica().execute(new Assign(vpn, "alice"));
        bob.engine().syncOnce();
        new WatchAlerts(alice.replica(), alerts::add);
        alice.engine().syncOnce();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void the_first_sync_brings_no_alerts_even_for_tickets_already_assigned_to_me() {
        assertThat(alerts).isEmpty();
    }

    @Test
    void bob_assigning_a_ticket_to_alice_and_moving_it_alerts_her_with_what_happened() throws Exception {
        bob.replica().execute(new Assign(printer, "alice"));
        bob.engine().syncOnce();
        alice.engine().syncOnce();
        assertThat(alerts).containsExactly("OPS-1 Printer on floor 3 jams — bob assigned it to you");

        bob.replica().execute(Transition.to(printer, Status.TRIAGED));
        bob.engine().syncOnce();
        alice.engine().syncOnce();
        assertThat(alerts).last().isEqualTo("OPS-1 Printer on floor 3 jams — bob moved it to Triaged");
    }

    @Test
    void alices_own_changes_and_tickets_that_are_not_hers_stay_quiet() throws Exception {
        alice.replica().execute(Transition.to(vpn, Status.TRIAGED));
        alice.engine().syncOnce();
        bob.replica().execute(priority(printer, "p1"));
        bob.engine().syncOnce();
        alice.engine().syncOnce();

        assertThat(alerts).isEmpty();
    }

    @Test
    void a_ticket_alice_watches_alerts_her_when_bob_changes_it() throws Exception {
        alice.replica().execute(new Watch(printer, "alice"));
        alice.engine().syncOnce();

        bob.replica().execute(priority(printer, "p1"));
        bob.engine().syncOnce();
        alice.engine().syncOnce();

        assertThat(alerts).containsExactly("OPS-1 Printer on floor 3 jams — bob set priority P1");
    }

    private static EditFields priority(UUID ticket, String priority) {
        return EditFields.of(ticket, EditableField.PRIORITY, FieldEdit.to(priority));
    }
}
