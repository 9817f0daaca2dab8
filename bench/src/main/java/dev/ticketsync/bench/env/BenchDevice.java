package dev.ticketsync.bench.env;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.replica.ReplicaDatabase;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A real desktop device without the window: the replica (H2 file), its sync engine and HTTP client, signed in. The
 * engine is not started: scenarios either call {@code syncOnce()} or start it for live (SSE-driven) sync.
 */
public final class BenchDevice implements AutoCloseable {

    private final Path directory;
    private final Replica replica;
    private final SyncEngine engine;
    private final String token;
    private boolean closed;

    private BenchDevice(Path directory, Replica replica, SyncEngine engine, String token) {
        this.directory = directory;
        this.replica = replica;
        this.engine = engine;
        this.token = token;
    }

    /** Opens (or creates) the replica in {@code directory} for the signed-in user of {@code session}. */
    static BenchDevice open(Path directory, String serverUrl, SyncClient.Session session) throws SQLException {
        Replica replica = Replica.open(
                directory, serverUrl, session.user().login(), session.user().role(), Clock.systemUTC());
        SyncClient client = new SyncClient(serverUrl, session.token());
        return new BenchDevice(directory, replica, new SyncEngine(replica, client), session.token());
    }

    public Replica replica() {
        return replica;
    }

    public SyncEngine engine() {
        return engine;
    }

    public Path directory() {
        return directory;
    }

    /** The session token, for handing the profile to the desktop app. */
    public String token() {
        return token;
    }

    /** The JDBC URL of the replica's H2 file — the very URL the replica opened, so a second connection shares it. */
    public String jdbcUrl() {
        return ReplicaDatabase.url(directory);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            engine.close();
            replica.close();
        }
    }
}
