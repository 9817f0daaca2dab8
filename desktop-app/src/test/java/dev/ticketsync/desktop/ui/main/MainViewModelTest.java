package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.PullResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main window's view model on a real replica (H2 file, no server: every change is local and pending) with an
 * immediate scheduler, so no JavaFX toolkit is needed.
 */
class MainViewModelTest {

    @TempDir
    Path dir;

    private Replica replica;
    private MainViewModel model;

    @BeforeEach
    void openReplica() throws Exception {
        replica = Replica.open(dir, "http://127.0.0.1:1", "alice", Role.AGENT, new SteppingClock());
        model = new MainViewModel(replica, Scheduler.direct());
        model.reload();
    }

    @AfterEach
    void closeReplica() {
        replica.close();
    }

    @Test
    void a_created_ticket_shows_at_once_with_a_provisional_key_and_a_pending_mark() {
        assertThat(model.actions()
                        .create("VPN drops every few minutes", "Since the update", Priority.P2, TicketType.INCIDENT))
                .isNull();

        Ticket created = row("VPN drops every few minutes");
        assertThat(created.key()).isNull();
        assertThat(created.displayKey()).startsWith("OPS-?");
        assertThat(created.reporter()).isEqualTo("alice");
        assertThat(model.isPending(created)).isTrue();
        assertThat(replica.pending()).hasSize(1);
        assertThat(model.messageProperty().get())
                .isEqualTo("Created " + created.displayKey() + " — it syncs when the server is reachable");
    }

    @Test
    void a_ticket_the_rules_refuse_to_create_returns_the_reason_and_queues_nothing() {
        String refusal = model.actions().create("   ", null, Priority.P3, TicketType.REQUEST);

        assertThat(refusal).isNotBlank().containsIgnoringCase("title");
        assertThat(model.rows()).isEmpty();
        assertThat(replica.pending()).isEmpty();
    }

    @Test
    void the_list_follows_the_query_as_it_is_typed() {
        create("VPN drops every few minutes", Priority.P1, TicketType.INCIDENT);
        create("Printer on floor 3 jams", Priority.P2, TicketType.INCIDENT);
        create("Laptop for the new starter", Priority.P3, TicketType.REQUEST);
        create("Backup job fails nightly", Priority.P4, TicketType.PROBLEM);

        model.queryProperty().set("priority:p1,p2");
        assertThat(titles()).containsExactlyInAnyOrder("VPN drops every few minutes", "Printer on floor 3 jams");
        model.queryProperty().set("type:request");
        assertThat(titles()).containsExactly("Laptop for the new starter");
        model.queryProperty().set("PRINTER");
        assertThat(titles()).containsExactly("Printer on floor 3 jams");
        model.queryProperty().set("");
        assertThat(titles()).hasSize(4);
        assertThat(model.queryErrorProperty().get()).isEmpty();
    }

    @Test
    void the_sidebar_views_show_my_open_unassigned_all_open_pending_and_recent_tickets() {
        Ticket mine = create("Outlook asks for the password again", Priority.P2, TicketType.INCIDENT);
        Ticket free = create("Shared mailbox for finance", Priority.P3, TicketType.REQUEST);
        Ticket gone = create("Duplicate of the Outlook issue", Priority.P4, TicketType.INCIDENT);
        model.actions().assignToMe(List.of(mine));
        model.actions().transition(List.of(gone), Status.CANCELLED, null, "Duplicate");

        model.show(SidebarView.MY_OPEN);
        assertThat(model.queryProperty().get()).isEqualTo("status:open assignee:me");
        assertThat(ids()).containsExactly(mine.id());
        model.show(SidebarView.UNASSIGNED);
        assertThat(ids()).containsExactly(free.id());
        model.show(SidebarView.ALL_OPEN);
        assertThat(ids()).containsExactlyInAnyOrder(mine.id(), free.id());
        model.show(SidebarView.PENDING);
        assertThat(ids()).containsExactlyInAnyOrder(mine.id(), free.id(), gone.id());
        model.show(SidebarView.RECENT);
        assertThat(ids()).as("most recently changed first").containsExactly(gone.id(), mine.id(), free.id());
    }

    @Test
    void an_invalid_query_is_explained_and_the_last_good_list_stays() {
        create("VPN drops every few minutes", Priority.P1, TicketType.INCIDENT);
        create("Printer on floor 3 jams", Priority.P2, TicketType.INCIDENT);
        model.queryProperty().set("priority:p1");
        assertThat(titles()).containsExactly("VPN drops every few minutes");

        model.queryProperty().set("priority:p9");
        assertThat(model.queryErrorProperty().get()).contains("p9").contains("p1, p2, p3, p4");
        assertThat(titles()).containsExactly("VPN drops every few minutes");
        model.queryProperty().set("\"printer");
        assertThat(model.queryErrorProperty().get()).containsIgnoringCase("quote");
        assertThat(titles()).containsExactly("VPN drops every few minutes");

        model.queryProperty().set("priority:p2");
        assertThat(model.queryErrorProperty().get()).isEmpty();
        assertThat(titles()).containsExactly("Printer on floor 3 jams");
    }

    @Test
    void selecting_a_ticket_loads_its_comments_history_and_legal_transitions() {
        Ticket bobs = arrivesFromServer("bob", "Wi-Fi in building B is down");

        model.selectedProperty().set(row("Wi-Fi in building B is down"));

        assertThat(model.comments()).extracting(Comment::body).containsExactly("Happens on every floor");
        assertThat(model.history()).extracting(AuditEntry::action).containsExactly(AuditAction.TICKET_CREATED);
        assertThat(model.transitions())
                .as("an agent may triage bob's new ticket, not cancel it, and not start it while unassigned")
                .containsExactly(Status.TRIAGED);

        model.actions().assignToMe(List.of(bobs));
        assertThat(model.selectedProperty().get().assignee()).isEqualTo("alice");
        assertThat(model.transitions()).containsExactlyInAnyOrder(Status.TRIAGED, Status.IN_PROGRESS);

        model.selectedProperty().set(null);
        assertThat(model.comments()).isEmpty();
        assertThat(model.history()).isEmpty();
        assertThat(model.transitions()).isEmpty();
    }

    @Test
    void on_her_own_ticket_alice_may_cancel_and_may_start_it_once_it_is_assigned() {
        Ticket own = create("Laptop for the new starter", Priority.P3, TicketType.REQUEST);
        model.selectedProperty().set(own);
        assertThat(model.transitions()).containsExactlyInAnyOrder(Status.TRIAGED, Status.CANCELLED);

        model.actions().assignToMe(List.of(own));
        assertThat(model.transitions()).containsExactlyInAnyOrder(Status.TRIAGED, Status.IN_PROGRESS, Status.CANCELLED);

        model.actions().comment(own, "Ordered from the usual supplier", true);
        assertThat(model.comments())
                .singleElement()
                .satisfies(comment -> assertThat(comment.visibility()).isEqualTo(Visibility.INTERNAL));
    }

    @Test
    void assign_and_priority_on_three_selected_tickets_queue_three_mutations_each_and_say_so() {
        List<Ticket> selection = List.of(
                create("VPN drops every few minutes", Priority.P3, TicketType.INCIDENT),
                create("Printer on floor 3 jams", Priority.P3, TicketType.INCIDENT),
                create("SSO login fails", Priority.P3, TicketType.INCIDENT));
        int before = replica.pending().size();

        model.actions().assignToMe(selection);
        assertThat(replica.pending()).hasSize(before + 3);
        assertThat(model.messageProperty().get()).isEqualTo("Assigned to you: 3 of 3 tickets");

        model.actions().priority(selection, Priority.P1);
        assertThat(replica.pending()).hasSize(before + 6);
        assertThat(model.messageProperty().get()).isEqualTo("Priority P1: 3 of 3 tickets");
        assertThat(model.rows()).allSatisfy(ticket -> {
            assertThat(ticket.assignee()).isEqualTo("alice");
            assertThat(ticket.priority()).isEqualTo(Priority.P1);
        });
    }

    @Test
    void a_bulk_action_some_tickets_refuse_says_how_many_went_through_and_why_the_others_did_not() {
        Ticket first = create("VPN drops every few minutes", Priority.P3, TicketType.INCIDENT);
        Ticket second = create("Printer on floor 3 jams", Priority.P3, TicketType.INCIDENT);
        Ticket unassigned = create("SSO login fails", Priority.P3, TicketType.INCIDENT);
        model.actions().assignToMe(List.of(first, second));
        int before = replica.pending().size();

        model.actions().transition(List.of(first, second, unassigned), Status.IN_PROGRESS, null, null);

        assertThat(replica.pending()).hasSize(before + 2);
        assertThat(model.messageProperty().get())
                .isEqualTo("Moved to In progress: 2 of 3 tickets; refused: " + unassigned.displayKey()
                        + " needs an assignee before work can start");
    }

    @Test
    void a_refused_action_leaves_a_readable_message_and_queues_nothing() {
        Ticket ticket = create("Payroll export reports wrong totals", Priority.P2, TicketType.PROBLEM);
        model.actions().transition(List.of(ticket), Status.TRIAGED, null, null);
        assertThat(model.messageProperty().get()).isEqualTo("Moved to Triaged");
        int before = replica.pending().size();

        model.actions().transition(List.of(row("Payroll export reports wrong totals")), Status.RESOLVED, null, null);

        assertThat(model.messageProperty().get()).isEqualTo("Resolving " + ticket.displayKey() + " needs a resolution");
        assertThat(replica.pending()).hasSize(before);
        assertThat(row("Payroll export reports wrong totals").status()).isEqualTo(Status.TRIAGED);

        model.actions().transition(List.of(row("Payroll export reports wrong totals")), Status.CLOSED, null, null);
        assertThat(model.messageProperty().get()).contains("cannot move from Triaged to Closed");
        assertThat(replica.pending()).hasSize(before);
    }

    @Test
    void is_pending_marks_exactly_the_tickets_with_unsynced_changes() {
        Ticket local = create("Phone extension for the new desk", Priority.P4, TicketType.REQUEST);
        Ticket synced = arrivesFromServer("bob", "Staging database is slow");

        assertThat(model.isPending(local)).isTrue();
        assertThat(model.isPending(synced)).isFalse();
        model.queryProperty().set("is:pending");
        assertThat(ids()).containsExactly(local.id());

        model.actions().assignToMe(List.of(synced));
        assertThat(model.isPending(synced)).isTrue();
        assertThat(ids()).containsExactlyInAnyOrder(local.id(), synced.id());
    }

    @Test
    void free_words_also_find_a_ticket_by_its_comments() {
        Ticket ticket = create("Outlook is very slow", Priority.P3, TicketType.INCIDENT);
        create("Printer on floor 3 jams", Priority.P3, TicketType.INCIDENT);
        model.actions().comment(ticket, "Vendor ticket opened, reference VX-2281", false);

        model.queryProperty().set("vx-2281");

        assertThat(ids())
                .as("issue 5: free words are full text over title, description and comments")
                .containsExactly(ticket.id());
    }

    // ---- helpers ----

    private Ticket create(String title, Priority priority, TicketType type) {
        assertThat(model.actions().create(title, null, priority, type)).isNull();
        return row(title);
    }

    private Ticket row(String title) {
        return model.rows().stream()
                .filter(ticket -> ticket.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row titled " + title + " in " + titles()));
    }

    private List<String> titles() {
        return model.rows().stream().map(Ticket::title).toList();
    }

    private List<UUID> ids() {
        return model.rows().stream().map(Ticket::id).toList();
    }

    private long seq;

    /**
     * A ticket {@code reporter} created on the server, with one comment and its audit entry, delivered the way the
     * sync engine delivers it: as a pulled page.
     */
    private Ticket arrivesFromServer(String reporter, String title) {
        Instant at = Instant.parse("2025-03-03T09:00:00Z");
        Ticket ticket = Ticket.builder()
                .id(Ids.newId())
                .key("OPS-" + (100 + seq))
                .title(title)
                .reporter(reporter)
                .type(TicketType.INCIDENT)
                .createdAt(at)
                .createdBy(reporter)
                .updatedAt(at)
                .updatedBy(reporter)
                .version(1)
                .build();
        Comment comment = new Comment(
                Ids.newId(),
                ticket.id(),
                reporter,
                "Happens on every floor",
                Visibility.PUBLIC,
                CommentKind.COMMENT,
                null,
                at.plusSeconds(60),
                null);
        AuditEntry created = new AuditEntry(
                seq + 3,
                at,
                reporter,
                null,
                null,
                AuditAction.TICKET_CREATED,
                ticket.id(),
                new TreeMap<>(Map.of("title", new ValueChange(null, title))),
                "0".repeat(64),
                "1".repeat(64));
        var json = Json.strict();
        replica.applyPage(new PullResponse(
                List.of(
                        new Change(++seq, EntityType.TICKET, ticket.id().toString(), json.valueToTree(ticket), null),
                        new Change(++seq, EntityType.COMMENT, comment.id().toString(), json.valueToTree(comment), null),
                        new Change(++seq, EntityType.AUDIT, Long.toString(seq), json.valueToTree(created), null)),
                seq,
                seq,
                false,
                0));
        return row(title);
    }

    /** Each reading one second later than the last, so "recently updated" has a clear order. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2025-03-03T10:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
