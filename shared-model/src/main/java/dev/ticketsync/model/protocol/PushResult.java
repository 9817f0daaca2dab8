package dev.ticketsync.model.protocol;

import java.util.List;

/** The answer to a push: one result per mutation, and the device's last handled mutationId. */
public record PushResult(List<MutationResult> results, long lastMutationId) {

    public PushResult {
        results = List.copyOf(results);
    }
}
