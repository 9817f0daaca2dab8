package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A change the server refuses lands in the device's conflict inbox with the user's data and the server's reason, is
 * rolled back in the local view, and never blocks the changes made after it; a text conflict keeps base, theirs and
 * mine so the user can merge. Devices here are offline simply by not syncing; they sync with {@code syncOnce()}.
 */
class ConflictInboxTest {

    private static final String BASE = "Laptop will not boot.";
    private static final String POISON = "x-poison-7f3a";

    private static TestBackend backend;

    @BeforeAll
    static void startServer() {
        backend = TestBackend.start();
    }

    @AfterAll
    static void stopServer() {
        backend.close();
    }

    @Test
    void a_transition_made_offline_on_a_ticket_someone_cancelled_lands_in_the_inbox_and_later_changes_still_sync()
            throws Exception {
        TestBackend.Device alice = device("alice");
        TestBackend.Device bob = device("bob");
        UUID printer = Ids.newId();
        UUID vpn = Ids.newId();
        bob.replica().execute(CreateTicket.of(printer, "Printer on floor 3 jams"));
        bob.replica().execute(CreateTicket.of(vpn, "VPN drops every hour"));
        Sync.untilQuiet(bob, alice);

        Transition cancel = new Transition(printer, Status.CANCELLED, null, "Duplicate of the scanner ticket");
        assertThat(bob.replica().execute(cancel).accepted()).isTrue();
        bob.engine().syncOnce();
        LocalResult triage = alice.replica().execute(Transition.to(printer, Status.TRIAGED));
        assertThat(triage.accepted()).isTrue();
        assertThat(alice.replica().ticket(printer).orElseThrow().status()).isEqualTo(Status.TRIAGED);
        UUID comment = Ids.newId();
        alice.replica().execute(new AddComment(comment, vpn, "Drops at home too", Visibility.PUBLIC));

        alice.engine().syncOnce();

        assertThat(alice.replica().conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ErrorCode.TERMINAL);
            assertThat(conflict.message()).contains("was cancelled by bob");
            assertThat(conflict.command()).isEqualTo(Transition.to(printer, Status.TRIAGED));
            assertThat(conflict.mutationId()).isEqualTo(triage.mutationId());
            assertThat(conflict.isTextConflict()).isFalse();
        });
        Ticket rolledBack = alice.replica().ticket(printer).orElseThrow();
        assertThat(rolledBack.status()).isEqualTo(Status.CANCELLED);
        assertThat(rolledBack.cancelReason()).isEqualTo("Duplicate of the scanner ticket");
        assertThat(alice.replica().pending()).isEmpty();
        assertThat(alice.replica().pendingTicketIds()).isEmpty();
        assertThat(alice.engine().status().conflicts()).isEqualTo(1);
        ServerApi server = ServerApi.as(backend, "carol");
        assertThat(server.comments(vpn)).extracting(Comment::id).containsExactly(comment);
        assertThat(server.ticket(printer).orElseThrow().status()).isEqualTo(Status.CANCELLED);

        alice.replica().execute(new AddTags(vpn, List.of("remote")));
        alice.engine().syncOnce();
        assertThat(server.ticket(vpn).orElseThrow().tags()).containsExactly("remote");
        assertThat(alice.replica().pending()).isEmpty();
        assertThat(alice.replica().conflicts()).hasSize(1);
    }

    @Test
    void a_description_edited_on_two_devices_from_the_same_base_keeps_base_theirs_and_mine_and_a_merged_retry_syncs()
            throws Exception {
        TestBackend.Device alice = device("alice");
        TestBackend.Device bob = device("bob");
        UUID laptop = sharedTicket(alice, bob);
        String theirs = BASE + " Battery swapped, still dead.";
        String mine = "Laptop will not boot after the BIOS update.";
        bob.replica().execute(description(laptop, BASE, theirs));
        bob.engine().syncOnce();
        LocalResult edit = alice.replica().execute(description(laptop, BASE, mine));
        assertThat(edit.ticket().description()).isEqualTo(mine);

        alice.engine().syncOnce();

        Conflict conflict = alice.replica().conflicts().get(0);
        assertThat(alice.replica().conflicts()).hasSize(1);
        assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(conflict.message()).contains("was changed by bob");
        assertThat(conflict.mutationId()).isEqualTo(edit.mutationId());
        assertThat(conflict.isTextConflict()).isTrue();
        assertThat(conflict.text()).isEqualTo(new Conflict.TextConflict("description", BASE, theirs, mine));
        assertThat(alice.replica().ticket(laptop).orElseThrow().description())
                .as("the local view rolls back to the server's text")
                .isEqualTo(theirs);

        String merged = "Laptop will not boot after the BIOS update. Battery swapped, still dead.";
        LocalResult retried = alice.replica()
                .retry(conflict.id(), description(laptop, conflict.text().theirs(), merged));
        assertThat(retried.accepted()).isTrue();
        assertThat(alice.replica().conflicts()).isEmpty();
        assertThat(alice.replica().ticket(laptop).orElseThrow().description()).isEqualTo(merged);
        Sync.untilQuiet(alice, bob);

        ServerApi server = ServerApi.as(backend, "carol");
        assertThat(server.ticket(laptop).orElseThrow().description()).isEqualTo(merged);
        assertThat(bob.replica().ticket(laptop).orElseThrow().description()).isEqualTo(merged);
        assertThat(alice.replica().conflicts()).isEmpty();
        Sync.assertMatchesServer(alice, server, List.of(laptop));
    }

    @Test
    void a_conflict_survives_a_restart_and_discarding_it_removes_it_for_good_and_sends_nothing() throws Exception {
        String aliceLaptop = unique("alice");
        TestBackend.Device alice = backend.device(aliceLaptop, "alice");
        TestBackend.Device bob = device("bob");
        UUID laptop = sharedTicket(alice, bob);
        String title = "Laptop will not boot";
        bob.replica().execute(EditFields.of(laptop, EditableField.TITLE, FieldEdit.from(title, "Bob's title")));
        bob.engine().syncOnce();
        alice.replica().execute(EditFields.of(laptop, EditableField.TITLE, FieldEdit.from(title, "Alice's title")));
        alice.engine().syncOnce();
        assertThat(alice.replica().conflicts()).hasSize(1);

        alice.close();
        TestBackend.Device restarted = backend.device(aliceLaptop, "alice");
        assertThat(restarted.replica().conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(conflict.text())
                    .isEqualTo(new Conflict.TextConflict("title", title, "Bob's title", "Alice's title"));
        });

        restarted.replica().discard(restarted.replica().conflicts().get(0).id());
        assertThat(restarted.replica().conflicts()).isEmpty();
        assertThat(restarted.replica().pending()).isEmpty();
        restarted.engine().syncOnce();
        assertThat(restarted.engine().status().conflicts()).isZero();
        ServerApi server = ServerApi.as(backend, "carol");
        assertThat(server.ticket(laptop).orElseThrow().title()).isEqualTo("Bob's title");
        Sync.assertMatchesServer(restarted, server, List.of(laptop));

        restarted.close();
        assertThat(backend.device(aliceLaptop, "alice").replica().conflicts()).isEmpty();
    }

    @Test
    void a_change_the_server_keeps_failing_on_moves_to_the_inbox_and_the_changes_after_it_still_sync()
            throws Exception {
        try (TcpProxy network = TcpProxy.to(backend.port())) {
            TestBackend.Device alice = backend.deviceVia(unique("alice"), "alice", network.url());
            UUID ticket = Ids.newId();
            alice.replica().execute(CreateTicket.of(ticket, "Mail server rejects attachments"));
            alice.engine().syncOnce();
            List<UUID> good = List.of(Ids.newId(), Ids.newId());
            UUID poisoned = Ids.newId();
            alice.replica().execute(new AddComment(good.get(0), ticket, "Happens with PDFs", Visibility.PUBLIC));
            alice.replica().execute(new AddComment(poisoned, ticket, "Trace " + POISON, Visibility.PUBLIC));
            alice.replica().execute(new AddComment(good.get(1), ticket, "And with images", Visibility.PUBLIC));
            network.failRequestsContaining(POISON);

            String lastError = syncRounds(alice, 30);

            assertThat(alice.replica().conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.code()).isEqualTo(ErrorCode.SERVER_ERROR);
                assertThat(conflict.command()).isInstanceOf(AddComment.class);
                assertThat(((AddComment) conflict.command()).id()).isEqualTo(poisoned);
            });
            assertThat(alice.replica().pending())
                    .as("outbox after 30 sync rounds (last error: %s)", lastError)
                    .isEmpty();
            ServerApi server = ServerApi.as(backend, "carol");
            assertThat(server.comments(ticket)).extracting(Comment::id).containsExactlyInAnyOrderElementsOf(good);
        }
    }

    @Test
    void a_change_the_server_keeps_failing_on_reaches_the_inbox_after_five_tries_however_many_changes_precede_it()
            throws Exception {
        try (TcpProxy network = TcpProxy.to(backend.port())) {
            TestBackend.Device alice = backend.deviceVia(unique("alice"), "alice", network.url());
            UUID ticket = Ids.newId();
            alice.replica().execute(CreateTicket.of(ticket, "Mail server rejects attachments"));
            alice.engine().syncOnce();
            for (int i = 0; i < 10; i++) {
                alice.replica().execute(new AddComment(Ids.newId(), ticket, "Note " + i, Visibility.PUBLIC));
            }
            alice.replica().execute(new AddComment(Ids.newId(), ticket, "Trace " + POISON, Visibility.PUBLIC));
            network.failRequestsContaining(POISON);

            syncRounds(alice, 10);

            assertThat(network.failedRequests()).isGreaterThanOrEqualTo(5);
            assertThat(alice.replica().conflicts())
                    .as("the inbox after 10 sync rounds, %d of them failed by the server", network.failedRequests())
                    .extracting(Conflict::code)
                    .containsExactly(ErrorCode.SERVER_ERROR);
        }
    }

    /** Up to {@code rounds} sync rounds, until the outbox is empty; the last error, if the last round failed. */
    private static String syncRounds(TestBackend.Device device, int rounds) {
        String lastError = null;
        for (int round = 0; round < rounds && !device.replica().pending().isEmpty(); round++) {
            try {
                device.engine().syncOnce();
                lastError = null;
            } catch (java.io.IOException e) {
                lastError = e.getMessage();
            }
        }
        return lastError;
    }

    /** A new device of {@code login}, in a directory of its own. */
    private static TestBackend.Device device(String login) {
        return backend.device(unique(login), login);
    }

    private static String unique(String login) {
        return login + "-" + UUID.randomUUID();
    }

    /** A ticket alice reported with {@link #BASE} as its description, synced to both devices. */
    private static UUID sharedTicket(TestBackend.Device alice, TestBackend.Device bob) throws Exception {
        UUID id = Ids.newId();
        alice.replica()
                .execute(new CreateTicket(id, "Laptop will not boot", BASE, null, null, null, null, null, null, null));
        Sync.untilQuiet(alice, bob);
        assertThat(bob.replica().ticket(id).orElseThrow().description()).isEqualTo(BASE);
        return id;
    }

    private static EditFields description(UUID id, String base, String value) {
        return EditFields.of(id, EditableField.DESCRIPTION, FieldEdit.from(base, value));
    }
}
