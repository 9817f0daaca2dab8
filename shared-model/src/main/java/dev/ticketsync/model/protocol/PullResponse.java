package dev.ticketsync.model.protocol;

import java.util.List;

/**
 * A page of a pull: entities whose latest change is after the asked-for cursor, in seq order. {@code cursor} is the
 * highest seq in the page, {@code head} the newest seq on the server, {@code lastMutationId} the device's last
 * handled mutation read in the same snapshot.
 */
public record PullResponse(List<Change> changes, long cursor, long head, boolean hasMore, long lastMutationId) {

    public PullResponse {
        changes = List.copyOf(changes);
    }
}
