package dev.ticketsync.desktop;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.ProfileLock;
import dev.ticketsync.desktop.replica.ReplicaException;
import dev.ticketsync.desktop.replica.ReplicaRecovery;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.SessionOpener;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a profile: its replica (a damaged one is rebuilt, its unsynced work saved aside) and a sync engine. */
public final class ProfileSessions implements SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSessions.class);

    private final Clock clock;

    public ProfileSessions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Session open(Profile profile, String token) throws IOException {
        ProfileLock lock = ProfileLock.acquire(profile);
        // Building the HTTP client loads OkHttp and the JDK's trust store: done on another core while the replica
        // opens.
        CompletableFuture<SyncClient> client =
                CompletableFuture.supplyAsync(() -> new SyncClient(profile.serverUrl(), token));
        try {
            ReplicaRecovery.Opened opened = ReplicaRecovery.open(
                    profile.directory(), profile.serverUrl(), profile.login(), profile.role(), clock);
            opened.rescuedFile()
                    .ifPresent(file -> LOG.warn(
                            "the replica of {} could not be opened and is rebuilt; unsynced changes saved to {}",
                            profile.label(),
                            file));
            SyncEngine engine = new SyncEngine(opened.replica(), client.join());
            return new Session(profile, opened.replica(), engine, lock);
        } catch (SQLException | ReplicaException e) {
            client.thenAccept(SyncClient::close);
            lock.close();
            throw new IOException("cannot open the replica in " + profile.directory() + ": " + e.getMessage(), e);
        }
    }
}
