package dev.ticketsync.model.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest snapshot of one entity, at the seq of its latest change. {@code deleted} is true for a tombstone (a
 * removed watcher) and absent otherwise.
 */
public record Change(long seq, EntityType entity, String id, JsonNode data, Boolean deleted) {

    public boolean tombstone() {
        return Boolean.TRUE.equals(deleted);
    }
}
