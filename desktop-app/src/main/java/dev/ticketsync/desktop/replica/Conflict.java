package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;

/**
 * A change the server refused, with everything the user typed, its reason, and for a text-field conflict the three
 * versions to merge: the base the user edited, theirs (the server's value now) and mine.
 */
public record Conflict(
        long id,
        long mutationId,
        Command command,
        Instant clientTime,
        ErrorCode code,
        String message,
        String field,
        Instant createdAt,
        TextConflict text) {

    /** The three texts of a conflicting edit of {@code field} (title, description, resolution). */
    public record TextConflict(String field, String base, String theirs, String mine) {}

    public boolean isTextConflict() {
        return text != null;
    }
}
