package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Ticket;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The list's first screen while {@link TicketSearch} still reads every ticket (seconds on 100k): the newest tickets
 * straight from the replica ({@code Replica.newestTickets}), held to the same query and order as the full list. A
 * ticket's server seq follows its update time, so the newest few hundred by seq hold the top of the list, which is
 * what the user sees first. Comments are not searched yet (nor are they by the search until it has indexed them).
 */
public final class FirstScreen {

    /** Tickets read for the first screen: a screen shows a few dozen rows; most views keep a good share of these. */
    public static final int NEWEST = 500;

    private FirstScreen() {}

    /** The tickets among {@code newest} the query accepts, in the list's order. */
    public static List<Ticket> rows(Collection<Ticket> newest, TicketQuery query, String me, Set<UUID> pending) {
        TicketQuery.Context context = new TicketQuery.Context(me, pending);
        return newest.stream()
                .filter(ticket -> query.matches(ticket, context))
                .sorted(NewestFirst.ORDER)
                .toList();
    }
}
