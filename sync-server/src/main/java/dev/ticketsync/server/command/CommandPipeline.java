package dev.ticketsync.server.command;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.UnlinkBlocker;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Applied;
import dev.ticketsync.model.workflow.AuditEvent;
import dev.ticketsync.model.workflow.Effect;
import dev.ticketsync.model.workflow.Outcome;
import dev.ticketsync.model.workflow.Rejection;
import dev.ticketsync.model.workflow.Workflow;
import dev.ticketsync.server.store.Dialect;
import dev.ticketsync.server.store.SideRows;
import dev.ticketsync.server.store.TicketRows;
import dev.ticketsync.server.store.UserRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one write path for ticket commands (DESIGN.md §4), inside a {@link WriteTx}: reference checks → the shared
 * workflow (permission, state machine, field rules) → rows → one change-log entry per changed entity → audit entries.
 * REST calls and sync pushes both come through here; so does the unblocking a resolution causes.
 */
public final class CommandPipeline {

    private final Workflow workflow;
    private final TicketRows tickets;
    private final SideRows sides;
    private final ReferenceChecks references;

    public CommandPipeline(Workflow workflow, Dialect dialect) {
        this.workflow = workflow;
        this.tickets = new TicketRows();
        this.sides = new SideRows(dialect);
        this.references = new ReferenceChecks(tickets, new UserRows());
    }

    public TicketRows tickets() {
        return tickets;
    }

    /** Reads the tickets {@code ids} name in a few queries, for a batch of commands about to run in {@code tx}. */
    public void prefetch(WriteTx tx, Collection<UUID> ids) throws SQLException {
        List<UUID> unknown =
                ids.stream().filter(id -> tx.knownTicket(id) == null).distinct().toList();
        Map<UUID, Ticket> found = tickets.findAll(tx.connection(), unknown);
        for (UUID id : unknown) {
            tx.knowTicket(id, found.get(id));
        }
    }

    private Ticket ticket(WriteTx tx, UUID id) throws SQLException {
        Optional<Ticket> known = tx.knownTicket(id);
        if (known == null) {
            known = tickets.find(tx.connection(), id);
            tx.knowTicket(id, known.orElse(null));
        }
        return known.orElse(null);
    }

    public CommandResult run(WriteTx tx, Command command, Actor actor, Origin origin) throws SQLException {
        Connection c = tx.connection();
        Ticket before = ticket(tx, command.ticketId());
        Optional<Rejection> unresolved =
                before == null && !(command instanceof CreateTicket) ? Optional.empty() : references.check(c, command);
        Outcome outcome = unresolved.isPresent() ? unresolved.get() : workflow.apply(before, command, actor, tx.now());
        if (!(outcome instanceof Applied applied)) {
            return new CommandResult(outcome, before, tx.head());
        }
        Ticket after = applied.ticket();
        if (before == null) {
            after = after.toBuilder().key(tx.nextKey(after.project())).build();
            tickets.insert(c, after);
            tx.logCreation(EntityType.TICKET, after.id().toString(), TicketRows.snapshot(after));
            tx.wroteTicket(after);
        } else if (!after.equals(before)) {
            tickets.update(c, before, after);
            tx.logChangeJson(EntityType.TICKET, after.id().toString(), TicketRows.snapshot(after), false);
            tx.wroteTicket(after);
        }
        for (Effect effect : applied.effects()) {
            write(tx, effect);
        }
        for (AuditEvent event : applied.events()) {
            tx.audit(actor.login(), origin.clientId(), origin.ip(), event.action(), after.id(), event.changes());
        }
        if (before != null && before.isOpen() && finished(after.status())) {
            unblockDependents(tx, after, actor, origin);
        }
        return new CommandResult(new Applied(after, applied.events(), applied.effects()), after, tx.head());
    }

    private void write(WriteTx tx, Effect effect) throws SQLException {
        Connection c = tx.connection();
        if (effect instanceof Effect.PutComment put) {
            sides.put(c, put.comment());
            tx.logChange(EntityType.COMMENT, put.comment().id().toString(), put.comment(), false);
        } else if (effect instanceof Effect.PutWatcher put) {
            sides.put(c, put.watcher());
            tx.logChange(EntityType.WATCHER, put.watcher().entityId(), put.watcher(), false);
        } else if (effect instanceof Effect.RemoveWatcher remove) {
            sides.remove(c, remove.watcher());
            tx.logChange(EntityType.WATCHER, remove.watcher().entityId(), remove.watcher(), true);
        } else if (effect instanceof Effect.PutAttachment put) {
            sides.put(c, put.attachment());
        }
    }

    private static boolean finished(Status status) {
        return status == Status.RESOLVED || status == Status.CANCELLED;
    }

    /** A resolved or cancelled ticket no longer blocks anything (DESIGN.md §3). */
    private void unblockDependents(WriteTx tx, Ticket finished, Actor actor, Origin origin) throws SQLException {
        for (var dependent : tickets.blockedBy(tx.connection(), finished.id())) {
            run(tx, new UnlinkBlocker(dependent, finished.id()), actor, origin);
        }
    }
}
