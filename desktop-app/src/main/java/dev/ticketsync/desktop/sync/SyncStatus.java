package dev.ticketsync.desktop.sync;

import java.time.Instant;

/**
 * A snapshot of the engine's observable state: state, pending and conflict counts, the last successful sync, the
 * bootstrap progress (done/total seqs, equal when finished) and, for ERROR, what is wrong.
 */
public record SyncStatus(
        SyncState state,
        int pending,
        int conflicts,
        Instant lastSync,
        long bootstrapDone,
        long bootstrapTotal,
        String problem) {

    public boolean needsLogin() {
        return state == SyncState.ERROR && problem != null && problem.startsWith("401");
    }
}
