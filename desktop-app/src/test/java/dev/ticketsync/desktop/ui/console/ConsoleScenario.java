package dev.ticketsync.desktop.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.TicketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * What a lead's console sees after a morning of real sync, on a real in-process server: bob reports three tickets from
 * his laptop; alice's desktop pulls them; bob cancels the printer ticket; alice, not having pulled, triages it — the
 * server rejects her change; bob then triages the VPN ticket, so alice's replica is one change behind. Carol (lead)
 * reads the console; her own replica never syncs, so exactly two devices are known.
 */
public final class ConsoleScenario implements AutoCloseable {

    public static final String VPN = "VPN drops every few minutes";
    public static final String PRINTER = "Printer on floor 3 jams";

    public final TestBackend backend;
    public final TestBackend.Device alice;
    public final TestBackend.Device bob;
    public final TestBackend.Device carol;
    public final UUID vpn = Ids.newId();
    public final UUID printer = Ids.newId();
    public String vpnKey;
    public String printerKey;

    private ConsoleScenario(TestBackend backend) {
        this.backend = backend;
        this.bob = backend.device("bob-laptop", "bob");
        this.alice = backend.device("alice-desktop", "alice");
        this.carol = backend.device("carol-laptop", "carol");
    }

    public static ConsoleScenario start() {
        ConsoleScenario scenario = new ConsoleScenario(TestBackend.start());
        try {
            scenario.play();
        } catch (IOException e) {
            scenario.close();
            throw new UncheckedIOException(e);
        }
        return scenario;
    }

    private void play() throws IOException {
        run(bob.replica(), create(vpn, VPN, Priority.P1), create(printer, PRINTER, Priority.P3));
        run(bob.replica(), create(Ids.newId(), "Shared mailbox for the finance team", Priority.P2));
        bob.engine().syncOnce();
        alice.engine().syncOnce();
        vpnKey = bob.replica().ticket(vpn).orElseThrow().key();
        printerKey = bob.replica().ticket(printer).orElseThrow().key();

        run(bob.replica(), new Transition(printer, Status.CANCELLED, null, "Duplicate of the facilities ticket"));
        bob.engine().syncOnce();
        run(alice.replica(), Transition.to(printer, Status.TRIAGED));
        alice.engine().syncOnce();
        assertThat(alice.replica().conflicts())
                .as("alice's triage of a cancelled ticket")
                .hasSize(1);

        run(bob.replica(), Transition.to(vpn, Status.TRIAGED));
        bob.engine().syncOnce();
    }

    /** The lead's view of the server. */
    public AdminClient lead() {
        return new AdminClient(carol.client());
    }

    /** An agent's: every console call is refused. */
    public AdminClient agent() {
        return new AdminClient(alice.client());
    }

    /** The newest seq, as bob's replica (synced last) saw it. */
    public long head() {
        return bob.replica().cursor();
    }

    /**
     * Rewrites the title in the audit entry that created {@code ticket}, as someone with raw database access could (the
     * append-only trigger dropped first): the chain no longer verifies from that entry on.
     */
    public void forgeTheCreationOf(UUID ticket) throws SQLException {
        try (Connection c = backend.server().database().connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_log_no_update");
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE audit_log SET changes = REPLACE(changes, 'floor 3', 'floor 4')
                    WHERE ticket_id = ? AND action = 'TICKET_CREATED'""")) {
                s.setObject(1, ticket);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static CreateTicket create(UUID id, String title, Priority priority) {
        return new CreateTicket(id, title, null, priority, TicketType.INCIDENT, null, null, null, null, null);
    }

    private static void run(Replica replica, Command... commands) {
        for (Command command : commands) {
            assertThat(replica.execute(command).rejection()).as("%s", command).isNull();
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
