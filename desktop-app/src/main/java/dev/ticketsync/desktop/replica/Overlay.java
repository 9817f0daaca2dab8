package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Applied;
import dev.ticketsync.model.workflow.Effect;
import dev.ticketsync.model.workflow.Outcome;
import dev.ticketsync.model.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The pending mutations re-applied on top of server state, per ticket (the rebase). Held in memory and rebuilt from
 * the outbox, so the outbox alone is what must be durable.
 */
final class Overlay {

    /** One ticket as the user sees it: after their pending changes, with the comments and watch changes they add. */
    record TicketOverlay(Ticket ticket, List<Comment> comments, Set<String> watched, Set<String> unwatched) {}

    private final Workflow workflow;
    private final Map<UUID, TicketOverlay> byTicket = new HashMap<>();

    Overlay(Workflow workflow) {
        this.workflow = workflow;
    }

    TicketOverlay get(UUID ticketId) {
        return byTicket.get(ticketId);
    }

    Set<UUID> ticketIds() {
        return Set.copyOf(byTicket.keySet());
    }

    /**
     * Recomputes one ticket: its server snapshot (or nothing, for a ticket created here) with every pending mutation
     * for it applied in order, at the time it was made. A mutation that no longer applies (someone cancelled the
     * ticket meanwhile) shows nothing — the server will reject it and it lands in the conflict inbox.
     */
    void rebuild(UUID ticketId, Ticket server, List<PendingMutation> pending, Actor me) {
        Ticket view = server;
        List<Comment> comments = new ArrayList<>();
        Set<String> watched = new TreeSet<>();
        Set<String> unwatched = new TreeSet<>();
        boolean any = false;
        for (PendingMutation mutation : pending) {
            if (!mutation.command().ticketId().equals(ticketId)) {
                continue;
            }
            any = true;
            Outcome outcome = workflow.apply(view, mutation.command(), me, mutation.clientTime());
            if (outcome instanceof Applied applied) {
                view = applied.ticket();
                for (Effect effect : applied.effects()) {
                    if (effect instanceof Effect.PutComment put) {
                        comments.add(put.comment());
                    } else if (effect instanceof Effect.PutWatcher put) {
                        watched.add(put.watcher().user());
                        unwatched.remove(put.watcher().user());
                    } else if (effect instanceof Effect.RemoveWatcher remove) {
                        unwatched.add(remove.watcher().user());
                        watched.remove(remove.watcher().user());
                    }
                }
            }
        }
        if (any && (view != null || !comments.isEmpty())) {
            byTicket.put(ticketId, new TicketOverlay(view, comments, watched, unwatched));
        } else {
            byTicket.remove(ticketId);
        }
    }

    void clear() {
        byTicket.clear();
    }
}
