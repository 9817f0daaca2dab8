package dev.ticketsync.model.workflow;

import dev.ticketsync.model.command.AddAttachment;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The ticket state machine both sides run: the desktop to offer only legal actions and apply them offline, the server
 * to accept or reject them. {@link #apply} is deterministic — it reads no clock and no global state — which is what
 * lets the desktop replay pending commands on top of fresh server state (rebase) and get the server's answer.
 */
public final class Workflow {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TransitionTable table;

    public Workflow(TransitionTable table) {
        this.table = Objects.requireNonNull(table);
    }

    public static Workflow standard() {
        return new Workflow(TransitionTable.standard());
    }

    public TransitionTable table() {
        return table;
    }

    /**
     * The statuses {@code actor} may move {@code ticket} to now: in the table, permitted for the role, and passing
     * every state guard. Input guards (a resolution, a reason) are left for the app to ask for.
     */
    public Set<Status> allowedTransitions(Ticket ticket, Actor actor) {
        Set<Status> allowed = EnumSet.noneOf(Status.class);
        for (Status to : table.targets(ticket.status())) {
            boolean permitted = RolePolicy.allows(actor.role(), RolePolicy.forTransition(ticket, to, actor));
            boolean statePasses = table.guardsInto(to).stream()
                    .filter(guard -> !guard.isInput())
                    .allMatch(guard -> guard.failure(ticket, Transition.to(ticket.id(), to))
                            .isEmpty());
            if (permitted && statePasses) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    /**
     * Applies {@code command} by {@code actor} at {@code now} to {@code ticket} (null when the ticket does not exist).
     * Returns the ticket after it with what changed, or why it was refused.
     */
    public Outcome apply(Ticket ticket, Command command, Actor actor, Instant now) {
        if (command instanceof CreateTicket create) {
            if (ticket != null) {
                return Rejection.of(ErrorCode.CONFLICT, "A ticket with id " + create.id() + " already exists");
            }
            return permitted(null, command, actor) ? TicketChanges.create(create, actor, now) : forbidden(command);
        }
        if (ticket != null && !ticket.id().equals(command.ticketId())) {
            throw new IllegalArgumentException("command for " + command.ticketId() + " applied to " + ticket.id());
        }
        if (ticket == null) {
            return Rejection.of(ErrorCode.NOT_FOUND, "Ticket " + command.ticketId() + " does not exist");
        }
        if (!permitted(ticket, command, actor)) {
            return forbidden(command);
        }
        if (ticket.status().isTerminal() && !allowedOnTerminal(command)) {
            return terminal(ticket);
        }
        if (command instanceof Transition transition) {
            return transition(ticket, transition, actor, now);
        }
        return new TicketChanges(ticket, actor, now).apply(command);
    }

    private Outcome transition(Ticket ticket, Transition request, Actor actor, Instant now) {
        Status from = ticket.status();
        Status to = request.to();
        if (from == to) {
            return Rejection.of(ErrorCode.ILLEGAL_TRANSITION, ticket.displayKey() + " is already " + label(to));
        }
        if (!table.allows(from, to)) {
            return Rejection.of(
                    ErrorCode.ILLEGAL_TRANSITION,
                    ticket.displayKey() + " cannot move from " + label(from) + " to " + label(to) + "; from "
                            + label(from) + " it can move to " + labels(table.targets(from)));
        }
        for (Guard guard : table.guardsInto(to)) {
            var failure = guard.failure(ticket, request);
            if (failure.isPresent()) {
                return new Rejection(ErrorCode.GUARD_FAILED, failure.get(), guard.isInput() ? inputField(to) : null);
            }
        }
        return new TicketChanges(ticket, actor, now).transition(request, table.isReopen(from, to));
    }

    private static boolean permitted(Ticket ticket, Command command, Actor actor) {
        return RolePolicy.allows(actor.role(), RolePolicy.required(command, ticket, actor));
    }

    private static Rejection forbidden(Command command) {
        return Rejection.of(
                ErrorCode.FORBIDDEN,
                "Your role may not " + command.name().wire().replace('_', ' ')
                        + (command instanceof Transition t ? " to " + label(t.to()) : ""));
    }

    /** Comments, watching and attachments stay possible on closed and cancelled tickets, as in every helpdesk. */
    private static boolean allowedOnTerminal(Command command) {
        return command instanceof AddComment
                || command instanceof Watch
                || command instanceof Unwatch
                || command instanceof AddAttachment;
    }

    static Rejection terminal(Ticket ticket) {
        String verb = ticket.status() == Status.CANCELLED ? "cancelled" : "closed";
        String by = ticket.updatedBy() == null ? "" : " by " + ticket.updatedBy();
        String at = ticket.updatedAt() == null ? "" : " at " + WHEN.format(ticket.updatedAt());
        return Rejection.of(
                ErrorCode.TERMINAL, ticket.displayKey() + " was " + verb + by + at + " and can no longer change");
    }

    private static String inputField(Status to) {
        return to == Status.RESOLVED ? "resolution" : "reason";
    }

    static String label(Status status) {
        return status.label();
    }

    private static String labels(Set<Status> statuses) {
        return statuses.isEmpty()
                ? "nothing"
                : String.join(", ", statuses.stream().map(Status::label).toList());
    }
}
