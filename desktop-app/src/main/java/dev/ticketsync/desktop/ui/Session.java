package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened profile: its replica, its sync engine (started when the main window shows), and the lock that keeps a
 * second window off the same replica.
 */
public record Session(Profile profile, Replica replica, SyncEngine engine, AutoCloseable lock)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** Stops syncing, then closes the replica: nothing typed is lost, the outbox stays for the next time. */
    @Override
    public void close() {
        engine.close();
        replica.close();
        try {
            lock.close();
        } catch (Exception e) {
            // The operating system drops the lock with the process anyway.
            LOG.warn("cannot release the lock of {}", profile.label(), e);
        }
    }
}
