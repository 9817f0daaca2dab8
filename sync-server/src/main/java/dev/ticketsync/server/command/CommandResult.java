package dev.ticketsync.server.command;

import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.workflow.Applied;
import dev.ticketsync.model.workflow.Outcome;
import dev.ticketsync.model.workflow.Rejection;

/** What running one command gave: the outcome, the ticket as it now stands (if any), and the head after it. */
public record CommandResult(Outcome outcome, Ticket ticket, long seq) {

    public boolean accepted() {
        return outcome instanceof Applied;
    }

    public Rejection rejection() {
        return outcome instanceof Rejection rejection ? rejection : null;
    }

    public Applied applied() {
        return outcome instanceof Applied applied ? applied : null;
    }
}
