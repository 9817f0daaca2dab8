package dev.ticketsync.desktop.replica;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import java.util.UUID;

/**
 * One change of a pull page as the replica stores it: the snapshot's JSON text exactly as the server sent it (stored
 * without parsing it into a tree and writing it back), plus the two fields the replica files it under — the ticket a
 * comment, watcher or audit entry belongs to, and a watcher's user. Both are null where the entity has none.
 */
public record PulledChange(
        long seq, EntityType entity, String id, String data, UUID ticketId, String user, boolean deleted) {

    /** The same change from a page parsed into trees (tests and tools that build pages by hand). */
    public static PulledChange of(Change change) {
        JsonNode data = change.data();
        return new PulledChange(
                change.seq(),
                change.entity(),
                change.id(),
                data.toString(),
                data.hasNonNull("ticketId")
                        ? UUID.fromString(data.get("ticketId").asText())
                        : null,
                data.hasNonNull("user") ? data.get("user").asText() : null,
                change.tombstone());
    }
}
