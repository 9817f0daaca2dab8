package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ticket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §9's data size — 100k tickets, ~300k comments — in the index: built in chunks as the app builds it,
 * answering like {@link TicketQuery#matches}, and still right after edits at that size. No timings asserted here (the
 * figures come from {@code SearchMeasurement}); this proves the structures hold up (term arrays and postings grow
 * past their first sizes, dense terms switch to bitsets) at full size.
 */
class TicketIndexScaleTest {

    private static final String ME = "alice";

    @Test
    void a_hundred_thousand_tickets_with_their_comments_are_searched_exactly_and_kept_current() {
        SearchData data = new SearchData(11);
        SearchData.Generated generated = data.generate(100_000);
        Map<UUID, String> comments = commentText(generated.comments());
        assertThat(generated.comments()).hasSizeGreaterThan(250_000);
        Set<UUID> pending = Set.of(
                generated.tickets().get(0).id(), generated.tickets().get(50_000).id());

        TicketIndex index = new TicketIndex(generated.tickets(), pending);
        while (!index.fullyIndexed()) {
            Map<UUID, String> chunk = new HashMap<>();
            index.unindexed(TicketSearch.CHUNK).forEach(id -> chunk.put(id, comments.getOrDefault(id, "")));
            index.indexNext(TicketSearch.CHUNK, chunk);
        }
        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.terms().termCount()).isGreaterThan(100_000);

        TicketQuery.Context context = new TicketQuery.Context(ME, pending, id -> comments.getOrDefault(id, ""));
        List<SearchData.Query> queries = data.queries(12, generated);
        for (SearchData.Query query : queries) {
            assertSame(index, generated.tickets(), query.text(), context);
        }

        // Edit one ticket's description and comments, and add one: the new words find them, the old ones do not.
        Ticket edited = generated.tickets().stream()
                .skip(1234)
                .filter(ticket -> ticket.description() != null)
                .findFirst()
                .orElseThrow();
        TicketQuery oldDescription =
                QueryParser.parse("\"" + edited.description() + "\"").query();
        assertThat(index.search(oldDescription, ME)).extracting(Ticket::id).contains(edited.id());
        Ticket rewritten = edited.toBuilder()
                .description("Quarantined by the zyxwv scanner")
                .updatedAt(edited.updatedAt().plusSeconds(1))
                .build();
        Ticket added = Ticket.builder()
                .id(UUID.randomUUID())
                .key("OPS-100001")
                .title("Qwertz keyboard layout")
                .reporter("bob")
                .build();
        comments.put(rewritten.id(), "vendor case wvuts opened\n");
        comments.put(added.id(), "");
        index.update(
                List.of(rewritten.id(), added.id()),
                List.of(rewritten, added),
                Map.of(rewritten.id(), comments.get(rewritten.id()), added.id(), ""));

        assertThat(index.search(QueryParser.parse("zyxwv wvuts").query(), ME)).containsExactly(rewritten);
        assertThat(index.search(QueryParser.parse("qwertz").query(), ME)).containsExactly(added);
        assertThat(index.search(oldDescription, ME)).extracting(Ticket::id).doesNotContain(edited.id());
        assertThat(index.size()).isEqualTo(100_001);
    }

    private static void assertSame(TicketIndex index, List<Ticket> tickets, String text, TicketQuery.Context context) {
        TicketQuery query = QueryParser.parse(text).query();
        List<Ticket> expected = tickets.stream()
                .filter(ticket -> query.matches(ticket, context))
                .sorted(TicketIndex.NEWEST_FIRST)
                .toList();
        assertThat(index.search(query, ME)).as("'%s'", text).containsExactlyElementsOf(expected);
    }

    /** Comment text per ticket as the replica gives it: lower-case bodies, each followed by a newline. */
    private static Map<UUID, String> commentText(List<Comment> comments) {
        Map<UUID, StringBuilder> text = new HashMap<>();
        for (Comment comment : comments) {
            text.computeIfAbsent(comment.ticketId(), id -> new StringBuilder())
                    .append(comment.body().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        Map<UUID, String> joined = new HashMap<>();
        text.forEach((id, body) -> joined.put(id, body.toString()));
        return joined;
    }
}
