package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.domain.Ticket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast sort of the list's order gives exactly the comparator's order: ties, nanoseconds, no date, odd dates. */
class NewestFirstTest {

    @Property(tries = 300)
    void sorts_exactly_as_the_comparator_does(@ForAll("tickets") List<Ticket> tickets) {
        Ticket[] fast = tickets.toArray(Ticket[]::new);
        Ticket[] reference = tickets.toArray(Ticket[]::new);

        NewestFirst.sort(fast);
        Arrays.sort(reference, NewestFirst.ORDER);

        assertThat(fast).containsExactly(reference);
    }

    @Provide
    Arbitrary<List<Ticket>> tickets() {
        Arbitrary<Instant> when = Arbitraries.oneOf(
                // Few distinct seconds, so many tickets share one and ids and nanoseconds decide.
                Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(0, 1, 999_999_999))
                        .as((second, nano) -> Instant.parse("2025-03-03T09:00:00Z")
                                .plusSeconds(second)
                                .plusNanos(nano)),
                Arbitraries.of(
                        Instant.EPOCH, Instant.parse("1969-12-31T23:59:59Z"), Instant.parse("9999-01-01T00:00:00Z")));
        Arbitrary<Ticket> ticket = Combinators.combine(Arbitraries.integers().between(0, 1000), when.injectNull(0.1))
                .as((n, at) -> Ticket.builder()
                        .id(new UUID(n % 3 - 1, n))
                        .title("t" + n)
                        .updatedAt(at)
                        .build());
        return ticket.list().ofMaxSize(60);
    }
}
