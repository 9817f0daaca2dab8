package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The index gives exactly the answers of {@link TicketQuery#matches} — the definition of the query language — on
 * random tickets, comments and queries built from words that overlap (prefixes, digits, punctuation, case, letters
 * whose lower case is longer), fully or partly indexed, and after random edits, creations and removals.
 */
class TicketIndexPropertiesTest {

    private static final String ME = "alice";

    /**
     * Words that contain each other, mix letters with digits and punctuation, change length when lower-cased, or
     * share a hash code.
     */
    private static final List<String> WORDS = List.of(
            "log",
            "login",
            "Logins",
            "fail",
            "fails",
            "VPN",
            "vpn-2",
            "ops",
            "OPS-12",
            "12",
            "1",
            "straße",
            "İstanbul",
            "é",
            "x",
            "a.b",
            "10.0.0.1",
            "c++",
            "über",
            "_",
            "--",
            "v2",
            "printer",
            "prin",
            // Same String.hashCode: the term table must tell them apart.
            "an",
            "c0",
            "ar",
            "c4");

    private static final List<String> SEPARATORS = List.of(" ", "  ", ", ", ". ", "-", "/", "\n", "\t");

    /** The pending tickets: every third ticket, by its index in the generated list. */
    private static Set<UUID> pendingOf(List<Ticket> tickets) {
        Set<UUID> pending = new java.util.HashSet<>();
        for (int i = 0; i < tickets.size(); i += 3) {
            pending.add(tickets.get(i).id());
        }
        return pending;
    }

    @Property(tries = 300)
    void a_fully_indexed_search_answers_exactly_what_matches_accepts(
            @ForAll("desks") Desk desk, @ForAll("queries") List<String> queries) {
        TicketIndex index = new TicketIndex(desk.tickets(), pendingOf(desk.tickets()));
        index.indexNext(desk.tickets().size(), desk.comments());

        for (String text : queries) {
            assertSameAnswers(index, desk.tickets(), desk.comments(), pendingOf(desk.tickets()), text);
        }
    }

    @Property(tries = 200)
    void while_indexing_the_tickets_not_yet_indexed_are_matched_on_their_own_text(
            @ForAll("desks") Desk desk, @ForAll("queries") List<String> queries, @ForAll @IntRange(max = 12) int done) {
        TicketIndex index = new TicketIndex(desk.tickets(), pendingOf(desk.tickets()));
        List<UUID> first = index.unindexed(done);
        index.indexNext(done, desk.comments());

        // Comments of tickets not indexed yet are not known to the search yet; everything else is.
        Map<UUID, String> known = new HashMap<>();
        first.forEach(id -> known.put(id, desk.comments().getOrDefault(id, "")));
        for (String text : queries) {
            TicketQuery query = QueryParser.parse(text).query();
            TicketQuery.Context context = new TicketQuery.Context(ME, pendingOf(desk.tickets()), known::get);
            assertThat(index.search(query, ME))
                    .as(
                            "'%s' with %d of %d tickets indexed",
                            text, first.size(), desk.tickets().size())
                    .containsExactlyElementsOf(expected(desk.tickets(), query, context));
        }
    }

    @Property(tries = 200)
    void after_edits_creations_and_removals_the_index_still_answers_exactly(
            @ForAll("desks") Desk desk, @ForAll("desks") Desk changes, @ForAll("queries") List<String> queries) {
        Set<UUID> pending = pendingOf(desk.tickets());
        TicketIndex index = new TicketIndex(desk.tickets(), pending);
        index.indexNext(desk.tickets().size(), desk.comments());
        Map<UUID, Ticket> truth = new LinkedHashMap<>();
        desk.tickets().forEach(ticket -> truth.put(ticket.id(), ticket));
        Map<UUID, String> comments = new HashMap<>(desk.comments());

        // Each generated change lands on an existing ticket (an edit or, for every fourth, a removal) or is new.
        int step = 0;
        for (Ticket change : changes.tickets()) {
            step++;
            List<UUID> ids = new ArrayList<>(truth.keySet());
            UUID id = ids.isEmpty() || step % 3 == 0 ? change.id() : ids.get(step % ids.size());
            Ticket now = step % 4 == 0 ? null : change.toBuilder().id(id).build();
            if (now == null) {
                truth.remove(id);
                comments.remove(id);
            } else {
                truth.put(id, now);
                comments.put(id, changes.comments().getOrDefault(change.id(), ""));
            }
            index.update(
                    Set.of(id),
                    now == null ? List.of() : List.of(now),
                    now == null ? Map.of() : Map.of(id, comments.get(id)));
        }

        for (String text : queries) {
            assertSameAnswers(index, List.copyOf(truth.values()), comments, pending, text);
        }
    }

    private static void assertSameAnswers(
            TicketIndex index, List<Ticket> tickets, Map<UUID, String> comments, Set<UUID> pending, String text) {
        QueryParser.Result parsed = QueryParser.parse(text);
        Assume.that(parsed.ok());
        TicketQuery.Context context = new TicketQuery.Context(ME, pending, id -> comments.getOrDefault(id, ""));
        List<Ticket> expected = expected(tickets, parsed.query(), context);
        Statistics.label("answers").collect(expected.isEmpty() ? "none" : "some");
        Statistics.label("free words").collect(parsed.query().words().size());
        assertThat(index.search(parsed.query(), ME)).as("'%s'", text).containsExactlyElementsOf(expected);
    }

    private static List<Ticket> expected(List<Ticket> tickets, TicketQuery query, TicketQuery.Context context) {
        return tickets.stream()
                .filter(ticket -> query.matches(ticket, context))
                .sorted(TicketIndex.NEWEST_FIRST)
                .toList();
    }

    // ---- generators ----

    /** Tickets with their comment text (lower case, bodies joined by newlines, as the replica gives it). */
    record Desk(List<Ticket> tickets, Map<UUID, String> comments) {}

    @Provide
    Arbitrary<Desk> desks() {
        return tickets()
                .list()
                .ofMaxSize(12)
                .flatMap(tickets -> texts().list().ofSize(tickets.size()).map(bodies -> {
                    Map<UUID, String> comments = new HashMap<>();
                    for (int i = 0; i < tickets.size(); i++) {
                        if (!bodies.get(i).isEmpty()) {
                            comments.put(tickets.get(i).id(), bodies.get(i).toLowerCase(Locale.ROOT) + "\n");
                        }
                    }
                    return new Desk(dedupe(tickets), comments);
                }));
    }

    private static List<Ticket> dedupe(List<Ticket> tickets) {
        return List.copyOf(tickets.stream()
                .collect(Collectors.toMap(Ticket::id, t -> t, (a, b) -> a, LinkedHashMap::new))
                .values());
    }

    private Arbitrary<Ticket> tickets() {
        Arbitrary<Ticket.Builder> base = Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.of(true, false),
                        texts(),
                        texts().injectNull(0.2),
                        Arbitraries.of(Status.class),
                        Arbitraries.of(Priority.class),
                        Arbitraries.of(TicketType.class))
                .as((n, keyed, title, description, status, priority, type) -> Ticket.builder()
                        .id(new UUID(0x0190_0000_0000_7000L, n))
                        .key(keyed ? "OPS-" + n : null)
                        .title(title.isEmpty() ? "untitled" : title)
                        .description(description)
                        .status(status)
                        .priority(priority)
                        .type(type));
        return Combinators.combine(
                        base,
                        Arbitraries.of("alice", "bob", "Alice").injectNull(0.3),
                        Arbitraries.of("vpn", "wifi", "VPN").set().ofMaxSize(2),
                        Arbitraries.integers().between(0, 5))
                .as((builder, assignee, tags, hour) -> builder.assignee(assignee)
                        .tags(tags)
                        .updatedAt(Instant.parse("2025-03-03T09:00:00Z").plusSeconds(3600L * hour))
                        .build());
    }

    private Arbitrary<String> texts() {
        Arbitrary<String> piece = Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(SEPARATORS))
                .as((word, separator) -> word + separator);
        return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> queries() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(w -> w.toLowerCase(Locale.ROOT)),
                Arbitraries.of(WORDS).map(w -> w.substring(w.length() / 2)),
                Arbitraries.of(WORDS).map(w -> w.substring(0, (w.length() + 1) / 2)),
                Arbitraries.of("o", "g", "s-1", "1 l", ".", "ß"));
        Arbitrary<String> phrase = Combinators.combine(word, Arbitraries.of(SEPARATORS), word)
                .as((a, separator, b) -> "\"" + a + (separator.isBlank() ? " " : separator) + b + "\"");
        Arbitrary<String> filter = Arbitraries.of(
                "status:open",
                "assignee:me",
                "assignee:none",
                "priority:p1,p2",
                "tag:vpn",
                "type:incident",
                "is:pending",
                "status:closed assignee:bob");
        Arbitrary<String> query = Builders.withBuilder(() -> new StringBuilder())
                .use(filter)
                .withProbability(0.4)
                .in((text, f) -> text.append(f).append(' '))
                .use(word)
                .withProbability(0.6)
                .in((text, w) -> text.append(w).append(' '))
                .use(phrase)
                .withProbability(0.3)
                .in((text, p) -> text.append(p).append(' '))
                .use(word)
                .withProbability(0.2)
                .in((text, w) -> text.append(w))
                .build(StringBuilder::toString);
        return query.filter(
                        text -> !text.contains(":") || QueryParser.parse(text).ok())
                .list()
                .ofMinSize(1)
                .ofMaxSize(6);
    }
}
