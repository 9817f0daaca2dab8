package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list's search over a real replica (H2 file): the same answers as {@link TicketQuery#matches}, kept current by
 * local changes and pulled pages, pending marks included, and usable before the comments are indexed.
 */
class TicketSearchTest {

    private static final String ME = "alice";

    @TempDir
    Path dir;

    private Replica replica;
    private long seq;

    @BeforeEach
    void openReplica() throws Exception {
        replica = Replica.open(dir, "http://127.0.0.1:1", ME, Role.AGENT, Clock.systemUTC());
    }

    @AfterEach
    void closeReplica() {
        replica.close();
    }

    @Test
    void answers_every_kind_of_query_exactly_as_matches_does_on_pulled_and_local_tickets() {
        SearchData data = new SearchData(3);
        SearchData.Generated generated = data.generate(300);
        SearchData.applyTo(replica, generated, 250);
        for (int i = 0; i < 20; i++) {
            Ticket ticket = generated.tickets().get(i * 7);
            replica.execute(
                    new AddComment(Ids.newId(), ticket.id(), "Local note: " + data.text(80), Visibility.PUBLIC));
        }
        replica.execute(CreateTicket.of(Ids.newId(), "Created offline: " + data.text(60)));

        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            assertThat(search.textReady()).isTrue();
            Map<UUID, String> comments = replica.commentText();
            TicketQuery.Context context =
                    new TicketQuery.Context(ME, replica.pendingTicketIds(), id -> comments.getOrDefault(id, ""));
            List<Ticket> all = replica.tickets();
            List<SearchData.Query> queries = data.queries(200, generated);
            for (SearchData.Query query : queries) {
                assertThat(search.search(query.text(), ME))
                        .as("%s query '%s'", query.kind(), query.text())
                        .containsExactlyElementsOf(SearchMeasurement.scan(all, query.text(), context));
            }
            assertThat(queries.stream().filter(q -> !search.search(q.text(), ME).isEmpty()))
                    .as("most queries find something, so the comparison means something")
                    .hasSizeGreaterThan(100);
        }
    }

    @Test
    void a_locally_edited_title_is_found_by_its_new_words_and_no_longer_by_the_old() {
        Ticket ticket = pulled("Printer on floor 3 jams", "Paper tray two is stuck");
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            assertThat(ids(search, "jams")).containsExactly(ticket.id());

            replica.execute(EditFields.of(
                    ticket.id(), EditableField.TITLE, FieldEdit.from(ticket.title(), "Scanner on floor 3 smudges")));

            assertThat(ids(search, "smudges")).containsExactly(ticket.id());
            assertThat(ids(search, "jams")).isEmpty();
            assertThat(ids(search, "\"paper tray\" scanner"))
                    .as("the description stays")
                    .containsExactly(ticket.id());
        }
    }

    @Test
    void a_local_comment_makes_its_ticket_findable_by_the_comment_words() {
        Ticket ticket = pulled("Outlook is very slow", null);
        pulled("Printer on floor 3 jams", null);
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            assertThat(ids(search, "vx-2281")).isEmpty();

            replica.execute(new AddComment(
                    Ids.newId(), ticket.id(), "Vendor ticket opened, reference VX-2281", Visibility.INTERNAL));

            assertThat(ids(search, "vx-2281")).containsExactly(ticket.id());
            assertThat(ids(search, "2281")).containsExactly(ticket.id());
            assertThat(ids(search, "is:pending vendor")).containsExactly(ticket.id());
        }
    }

    @Test
    void a_ticket_created_offline_is_found_at_once_by_its_words_and_its_provisional_key_and_is_pending() {
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            UUID id = Ids.newId();
            replica.execute(CreateTicket.of(id, "Badge reader at the side door is dead"));

            Ticket created = search.ticket(id).orElseThrow();
            assertThat(ids(search, "badge reader")).containsExactly(id);
            assertThat(ids(search, "\"" + created.displayKey() + "\"")).containsExactly(id);
            assertThat(ids(search, "is:pending")).containsExactly(id);
            assertThat(search.pending()).containsExactly(id);
        }
    }

    @Test
    void a_pulled_page_that_rewrites_a_description_and_adds_a_comment_replaces_the_old_words() {
        Ticket ticket = pulled("Backup job fails nightly", "The tape library reports error 0x80070005");
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            List<Set<UUID>> heard = new CopyOnWriteArrayList<>();
            search.onChange(heard::add);
            assertThat(ids(search, "0x80070005")).containsExactly(ticket.id());

            Ticket rewritten = ticket.toBuilder()
                    .description("Moved to the cloud target; the old tape library is retired")
                    .updatedAt(ticket.updatedAt().plusSeconds(60))
                    .version(2)
                    .build();
            deliver(List.of(
                    change(EntityType.TICKET, rewritten.id(), rewritten),
                    commentOn(rewritten, Ids.newId(), "Quota raised")));

            assertThat(ids(search, "0x80070005")).isEmpty();
            assertThat(ids(search, "retired")).containsExactly(ticket.id());
            assertThat(ids(search, "quota")).containsExactly(ticket.id());
            assertThat(ids(search, "\"tape library\"")).containsExactly(ticket.id());
            assertThat(heard).contains(Set.of(ticket.id()));
        }
    }

    @Test
    void is_pending_holds_until_a_complete_pull_confirms_the_change() {
        Ticket ticket = pulled("Wi-Fi in building B is down", null);
        Ticket other = pulled("Staging database is slow", null);
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            assertThat(ids(search, "is:pending")).isEmpty();

            UUID comment = Ids.newId();
            long mutation = replica.execute(
                            new AddComment(comment, ticket.id(), "Access point replaced", Visibility.PUBLIC))
                    .mutationId();
            assertThat(ids(search, "is:pending")).containsExactly(ticket.id());
            assertThat(ids(search, "is:pending access")).containsExactly(ticket.id());

            replica.recordPush(replica.pending(), new PushResult(List.of(MutationResult.accepted(mutation, 99)), 1));
            assertThat(ids(search, "is:pending"))
                    .as("accepted, but not confirmed by a complete pull yet")
                    .containsExactly(ticket.id());
            deliver(List.of(commentOn(ticket, comment, "Access point replaced")), mutation);

            assertThat(ids(search, "is:pending")).isEmpty();
            assertThat(ids(search, "access"))
                    .as("the comment, now from the server")
                    .containsExactly(ticket.id());
            assertThat(search.size()).isEqualTo(2);
            assertThat(search.ticket(other.id())).contains(other);
        }
    }

    @Test
    void the_list_is_usable_before_comments_are_indexed_and_comment_words_count_once_they_are() {
        Ticket printer = pulled("Printer on floor 3 jams", null);
        Ticket outlook = pulled("Outlook is very slow", null);
        deliver(List.of(commentOn(outlook, Ids.newId(), "Reinstalled the add-in for the printer queue")));
        QueuedExecutor background = new QueuedExecutor();

        try (TicketSearch search = TicketSearch.open(replica, background)) {
            List<Set<UUID>> heard = new CopyOnWriteArrayList<>();
            search.onChange(heard::add);
            assertThat(search.textReady()).isFalse();
            assertThat(search.search("", ME)).hasSize(2);
            assertThat(ids(search, "printer")).as("titles are searched at once").containsExactly(printer.id());

            background.runAll();

            assertThat(search.textReady()).isTrue();
            assertThat(heard).as("listeners hear that the text is ready").contains(Set.of());
            assertThat(ids(search, "printer")).containsExactlyInAnyOrder(printer.id(), outlook.id());
            assertThat(ids(search, "add-in")).containsExactly(outlook.id());
        }
    }

    @Test
    void changes_made_while_the_comments_are_indexed_are_taken_in_too() {
        Ticket first = pulled("Printer on floor 3 jams", null);
        QueuedExecutor background = new QueuedExecutor();
        try (TicketSearch search = TicketSearch.open(replica, background)) {
            replica.execute(new AddComment(Ids.newId(), first.id(), "Toner swapped", Visibility.PUBLIC));
            UUID created = Ids.newId();
            replica.execute(CreateTicket.of(created, "Monitor flickers"));
            Ticket later = pulled("Keyboard missing keys", null);

            background.runAll();

            assertThat(search.textReady()).isTrue();
            assertThat(ids(search, "toner")).containsExactly(first.id());
            assertThat(ids(search, "flickers")).containsExactly(created);
            assertThat(ids(search, "keyboard")).containsExactly(later.id());
            assertThat(search.size()).isEqualTo(3);
        }
    }

    @Test
    void a_query_with_a_mistake_is_refused_with_the_parsers_explanation() {
        try (TicketSearch search = TicketSearch.open(replica, Runnable::run)) {
            assertThatThrownBy(() -> search.search("priority:p9", ME))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("p9")
                    .hasMessageContaining("p1, p2, p3, p4");
        }
    }

    @Test
    void its_own_background_thread_indexes_the_text_and_ends_on_close() throws Exception {
        Ticket outlook = pulled("Outlook is very slow", null);
        deliver(List.of(commentOn(outlook, Ids.newId(), "Cleared the OST cache")));
        TicketSearch search = TicketSearch.open(replica);
        assertThat(search.awaitTextReady(Duration.ofSeconds(30))).isTrue();
        assertThat(ids(search, "ost")).containsExactly(outlook.id());

        search.close();

        Awaitility.await("the search thread to end")
                .atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().equals("ticket-search")));
    }

    // ---- helpers ----

    private static List<UUID> ids(TicketSearch search, String query) {
        return search.search(query, ME).stream().map(Ticket::id).toList();
    }

    /** Work handed to the background, run only when the test says so. */
    private static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> work = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            work.add(task);
        }

        void runAll() {
            Runnable next;
            while ((next = poll()) != null) {
                next.run();
            }
        }

        private synchronized Runnable poll() {
            return work.poll();
        }
    }

    /** A ticket bob created on the server, delivered as a pulled page. */
    private Ticket pulled(String title, String description) {
        Instant at = Instant.parse("2025-03-03T09:00:00Z").plusSeconds(seq);
        Ticket ticket = Ticket.builder()
                .id(Ids.newId())
                .key("OPS-" + (100 + seq))
                .title(title)
                .description(description)
                .reporter("bob")
                .createdAt(at)
                .createdBy("bob")
                .updatedAt(at)
                .updatedBy("bob")
                .version(1)
                .build();
        deliver(List.of(change(EntityType.TICKET, ticket.id(), ticket)));
        return ticket;
    }

    private Change commentOn(Ticket ticket, UUID id, String body) {
        Comment comment = new Comment(
                id, ticket.id(), "bob", body, Visibility.PUBLIC, CommentKind.COMMENT, null, ticket.updatedAt(), null);
        return change(EntityType.COMMENT, comment.id(), comment);
    }

    private Change change(EntityType entity, UUID id, Object value) {
        return new Change(++seq, entity, id.toString(), Json.strict().valueToTree(value), null);
    }

    private void deliver(List<Change> changes) {
        deliver(changes, 0);
    }

    /** One complete pull (hasMore false) reporting {@code lastMutationId}. */
    private void deliver(List<Change> changes, long lastMutationId) {
        replica.applyPage(new PullResponse(new ArrayList<>(changes), seq, seq, false, lastMutationId));
    }
}
