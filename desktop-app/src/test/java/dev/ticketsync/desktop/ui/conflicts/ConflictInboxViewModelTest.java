package dev.ticketsync.desktop.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Status;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conflict inbox's choices against a real server, two devices and an immediate scheduler (no toolkit): keep mine,
 * keep theirs, save merged, retry, discard — and what each one leaves on the server.
 */
class ConflictInboxViewModelTest {

    private static final String BASE = "Laptop will not boot.";
    private static final String THEIRS = BASE + " Battery swapped, still dead.";
    private static final String MINE = "Laptop will not boot after the BIOS update.";

    private static TestBackend backend;
    private static int devices;

    @BeforeAll
    static void startServer() {
        backend = TestBackend.start();
    }

    @AfterAll
    static void stopServer() {
        backend.close();
    }

    @Test
    void keep_mine_writes_my_text_over_theirs_and_the_server_and_other_devices_get_it() throws Exception {
        Pair pair = descriptionConflict();
        ConflictRow row = pair.model.rows().get(0);
        assertThat(row.isTextConflict()).isTrue();
        assertThat(row.headline()).endsWith("· Edit description");
        assertThat(row.conflict().message()).contains("was changed by bob");

        pair.model.keepMine(row);

        assertThat(pair.model.rows()).isEmpty();
        assertThat(pair.model.messageProperty().get()).startsWith("Kept your text");
        pair.alice.engine().syncOnce();
        pair.bob.engine().syncOnce();
        assertThat(pair.bob.replica().ticket(pair.ticket).orElseThrow().description())
                .isEqualTo(MINE);
        assertThat(pair.alice.replica().conflicts()).isEmpty();
    }

    @Test
    void keep_theirs_drops_my_edit_and_sends_nothing() throws Exception {
        Pair pair = descriptionConflict();

        pair.model.keepTheirs(pair.model.rows().get(0));

        assertThat(pair.model.rows()).isEmpty();
        assertThat(pair.alice.replica().pending()).isEmpty();
        assertThat(pair.alice.replica().ticket(pair.ticket).orElseThrow().description())
                .isEqualTo(THEIRS);
    }

    @Test
    void save_merged_sends_the_merged_text_and_an_invalid_merge_stays_in_the_inbox_with_the_reason() throws Exception {
        Pair pair = descriptionConflict();
        ConflictRow row = pair.model.rows().get(0);

        pair.model.saveMerged(row, "x".repeat(70_000));
        assertThat(pair.model.messageProperty().get()).startsWith("changes.description");
        assertThat(pair.model.rows()).hasSize(1);

        String merged = MINE + " Battery swapped, still dead.";
        pair.model.saveMerged(row, merged);
        pair.alice.engine().syncOnce();
        pair.bob.engine().syncOnce();
        assertThat(pair.bob.replica().ticket(pair.ticket).orElseThrow().description())
                .isEqualTo(merged);
        assertThat(pair.model.rows()).isEmpty();
    }

    @Test
    void retry_of_a_change_to_a_cancelled_ticket_is_refused_again_and_stays_until_discarded() throws Exception {
        var alice = backend.device("alice-" + ++devices, "alice");
        var bob = backend.device("bob-" + ++devices, "bob");
        UUID printer = Ids.newId();
        bob.replica().execute(CreateTicket.of(printer, "Printer on floor 3 jams"));
        bob.engine().syncOnce();
        alice.engine().syncOnce();
        bob.replica().execute(new Transition(printer, Status.CANCELLED, null, "Duplicate"));
        bob.engine().syncOnce();
        alice.replica().execute(Transition.to(printer, Status.TRIAGED));
        alice.engine().syncOnce();
        ConflictInboxViewModel model = new ConflictInboxViewModel(alice.replica(), Scheduler.direct());
        model.reload();
        ConflictRow row = model.rows().get(0);
        assertThat(row.isTextConflict()).isFalse();
        assertThat(row.headline()).endsWith("· Move to Triaged");

        model.retry(row);

        assertThat(model.messageProperty().get()).startsWith("Still refused:").contains("cancelled by bob");
        assertThat(model.rows()).hasSize(1);
        assertThat(alice.replica().pending()).isEmpty();
        model.discard(model.rows().get(0));
        assertThat(model.rows()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Discarded");
    }

    private record Pair(TestBackend.Device alice, TestBackend.Device bob, UUID ticket, ConflictInboxViewModel model) {}

    /** Bob and Alice edit the same description from the same base; Bob's edit reaches the server first. */
    private static Pair descriptionConflict() throws Exception {
        var alice = backend.device("alice-" + ++devices, "alice");
        var bob = backend.device("bob-" + ++devices, "bob");
        UUID laptop = Ids.newId();
        bob.replica().execute(CreateTicket.of(laptop, "Laptop dead"));
        bob.replica().execute(description(laptop, null, BASE));
        bob.engine().syncOnce();
        alice.engine().syncOnce();
        bob.replica().execute(description(laptop, BASE, THEIRS));
        bob.engine().syncOnce();
        alice.replica().execute(description(laptop, BASE, MINE));
        alice.engine().syncOnce();
        ConflictInboxViewModel model = new ConflictInboxViewModel(alice.replica(), Scheduler.direct());
        model.reload();
        assertThat(model.rows()).hasSize(1);
        return new Pair(alice, bob, laptop, model);
    }

    private static EditFields description(UUID ticket, String base, String value) {
        return EditFields.of(ticket, EditableField.DESCRIPTION, FieldEdit.from(base, value));
    }
}
