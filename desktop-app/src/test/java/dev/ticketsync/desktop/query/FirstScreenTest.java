package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The list's first screen comes from the newest tickets alone, before the search has read them all: it must be the top
 * of the list the search then shows, for the same query — rows do not change order or content under the user.
 */
class FirstScreenTest {

    @Test
    void the_first_screen_is_the_top_of_the_full_list_for_the_same_query() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            List<UUID> ids = ticketsUpdatedOutOfOrder(backend);
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            bob.engine().syncOnce();
            TicketSearch search = TicketSearch.open(bob.replica(), Runnable::run);

            for (String query : List.of("status:open", "", "priority:p1", "status:open tag:vpn")) {
                List<Ticket> full = search.search(query, "bob");
                for (int newest : new int[] {5, 15, ids.size()}) {
                    List<Ticket> first = firstScreen(bob.replica(), newest, query);
                    assertThat(full.subList(0, first.size()))
                            .as("%s, newest %d", query, newest)
                            .isEqualTo(first);
                }
                assertThat(firstScreen(bob.replica(), ids.size(), query)).isEqualTo(full);
            }
            assertThat(firstScreen(bob.replica(), 15, "status:open")).isNotEmpty();
        }
    }

    @Test
    void a_pending_local_change_is_on_the_first_screen_where_the_full_list_has_it() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            List<UUID> ids = ticketsUpdatedOutOfOrder(backend);
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            bob.engine().syncOnce();
            UUID older = ids.get(1);
            run(bob.replica(), EditFields.of(older, EditableField.PRIORITY, FieldEdit.to("p1")));

            List<Ticket> first = firstScreen(bob.replica(), 3, "priority:p1");
            List<Ticket> full = TicketSearch.open(bob.replica(), Runnable::run).search("priority:p1", "bob");

            assertThat(first).isNotEmpty();
            assertThat(first.get(0).id()).isEqualTo(older);
            assertThat(full.subList(0, first.size())).isEqualTo(first);
        }
    }

    private static List<Ticket> firstScreen(Replica replica, int newest, String query) {
        QueryParser.Result parsed = QueryParser.parse(query);
        return FirstScreen.rows(replica.newestTickets(newest), parsed.query(), "bob", replica.pendingTicketIds());
    }

    /** 30 tickets, some closed, then a third of them assigned in shuffled order: creation order is not update order. */
    private static List<UUID> ticketsUpdatedOutOfOrder(TestBackend backend) throws Exception {
        TestBackend.Device alice = backend.device("alice-laptop", "alice");
        List<UUID> ids = new ArrayList<>();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < 30; i++) {
            UUID id = Ids.newId();
            ids.add(id);
            run(
                    alice.replica(),
                    new CreateTicket(
                            id,
                            "Printer " + i + " jams",
                            "Paper tray " + i,
                            priorities[i % priorities.length],
                            TicketType.INCIDENT,
                            i % 3 == 0 ? List.of("vpn") : List.of("printer"),
                            null,
                            null,
                            null,
                            null));
            if (i % 4 == 0) {
                run(alice.replica(), new Transition(id, Status.CANCELLED, null, "duplicate"));
            }
            alice.engine().syncOnce();
        }
        List<UUID> open = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (i % 4 != 0) {
                open.add(ids.get(i));
            }
        }
        Collections.shuffle(open, new Random(11));
        for (UUID id : open.subList(0, 10)) {
            run(alice.replica(), EditFields.of(id, EditableField.ASSIGNEE, FieldEdit.to("bob")));
            alice.engine().syncOnce();
        }
        return ids;
    }

    private static void run(Replica replica, Command command) {
        LocalResult result = replica.execute(command);
        assertThat(result.accepted()).as("%s: %s", command, result.rejection()).isTrue();
    }
}
