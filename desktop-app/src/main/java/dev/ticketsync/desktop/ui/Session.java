package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncEngine;

/** An opened profile: its replica and its sync engine (started when the main window shows). */
public record Session(Profile profile, Replica replica, SyncEngine engine) implements AutoCloseable {

    /** Stops syncing, then closes the replica: nothing typed is lost, the outbox stays for the next time. */
    @Override
    public void close() {
        engine.close();
        replica.close();
    }
}
