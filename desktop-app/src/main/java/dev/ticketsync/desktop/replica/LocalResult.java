package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.workflow.Rejection;

/**
 * What a local change gave: queued as mutation {@code mutationId} with the ticket as the user now sees it, or refused
 * on the spot (the same workflow the server runs said no) and queued nothing.
 */
public record LocalResult(long mutationId, Ticket ticket, Rejection rejection) {

    public boolean accepted() {
        return rejection == null;
    }
}
