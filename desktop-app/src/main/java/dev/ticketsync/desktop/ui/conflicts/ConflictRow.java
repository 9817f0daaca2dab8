package dev.ticketsync.desktop.ui.conflicts;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.ui.common.CommandText;

/** One refused change as the inbox lists it: the conflict and the ticket it is about, by key and title. */
public record ConflictRow(Conflict conflict, String ticketKey, String ticketTitle) {

    /** "OPS-42 · Move to Resolved". */
    public String headline() {
        return ticketKey + " · " + CommandText.of(conflict.command());
    }

    public boolean isTextConflict() {
        return conflict.isTextConflict();
    }
}
