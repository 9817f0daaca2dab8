package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A parsed query of the list's small language, e.g. {@code status:open assignee:me priority:p1,p2 tag:vpn is:pending
 * "login fails"}: every term must match; values of one field separated by commas are alternatives.
 */
public record TicketQuery(
        Set<Status> statuses,
        Set<String> assignees,
        boolean unassigned,
        Set<Priority> priorities,
        Set<String> tags,
        Set<TicketType> types,
        boolean pendingOnly,
        List<String> words) {

    /**
     * The context a query is judged in: who "me" is, which tickets have unsynced changes, and the lower-case text of
     * each ticket's comments (free words search them too).
     */
    public record Context(String me, Set<UUID> pending, java.util.function.Function<UUID, String> commentText) {

        public Context(String me, Set<UUID> pending) {
            this(me, pending, id -> "");
        }
    }

    public static TicketQuery all() {
        return new TicketQuery(Set.of(), Set.of(), false, Set.of(), Set.of(), Set.of(), false, List.of());
    }

    /** The same query with other free words (the index answers some words itself and leaves the rest to this). */
    public TicketQuery withWords(List<String> otherWords) {
        return new TicketQuery(statuses, assignees, unassigned, priorities, tags, types, pendingOnly, otherWords);
    }

    /** The lower-case text of a ticket that free words are looked for in (its comments aside). */
    public static String searchText(Ticket ticket) {
        return (ticket.displayKey() + " " + ticket.title() + " "
                        + (ticket.description() == null ? "" : ticket.description()))
                .toLowerCase(Locale.ROOT);
    }

    public boolean matches(Ticket ticket, Context context) {
        if (!statuses.isEmpty() && !statuses.contains(ticket.status())) {
            return false;
        }
        if (!assignees.isEmpty() || unassigned) {
            boolean none = unassigned && ticket.assignee() == null;
            boolean named = ticket.assignee() != null
                    && (assignees.contains(ticket.assignee())
                            || (assignees.contains("me") && ticket.assignee().equals(context.me())));
            if (!none && !named) {
                return false;
            }
        }
        if (!priorities.isEmpty() && !priorities.contains(ticket.priority())) {
            return false;
        }
        if (!tags.isEmpty() && tags.stream().noneMatch(ticket.tags()::contains)) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(ticket.type())) {
            return false;
        }
        if (pendingOnly && !context.pending().contains(ticket.id())) {
            return false;
        }
        if (!words.isEmpty()) {
            String text = searchText(ticket);
            String comments = null;
            for (String word : words) {
                if (!text.contains(word)) {
                    if (comments == null) {
                        comments = context.commentText().apply(ticket.id());
                    }
                    if (comments == null || !comments.contains(word)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
