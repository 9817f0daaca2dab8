package dev.ticketsync.desktop.headless;

import dev.ticketsync.desktop.profile.ProfileDirectory;
import dev.ticketsync.desktop.profile.ProfileLock;
import dev.ticketsync.desktop.profile.TokenFile;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.replica.ReplicaRecovery;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.model.domain.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code ticketsync-desktop --headless sync --server URL --user LOGIN [--data-dir DIR]}: one full sync of the user's
 * replica, for scripts. Signs in with the stored token, or with the password from {@code TICKETSYNC_PASSWORD} (never
 * stored). Exit 0 when synced, 1 on a sync failure, 2 on bad usage.
 */
public final class HeadlessSync {

    private final PrintStream out;
    private final Map<String, String> env;

    public HeadlessSync(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    @SuppressWarnings("try") // the lock is held for the sync, not used
    public int run(String server, String login, Path dataDir) {
        Path directory = ProfileDirectory.of(dataDir != null ? dataDir : ProfileDirectory.base(), server, login);
        TokenFile tokens = new TokenFile(directory);
        // The app may have this replica open: syncing it from here too would find the database locked, and recovery
        // would take that for damage and move the replica aside.
        try (ProfileLock lock = ProfileLock.acquire(directory, login + " @ " + server)) {
            return sync(server, login, directory, tokens);
        } catch (ProfileLock.ProfileInUse e) {
            out.println(e.getMessage() + "; sync there, or close it and run again");
            return 1;
        } catch (IOException e) {
            out.println("cannot lock the profile in " + directory + ": " + e.getMessage());
            return 1;
        }
    }

    private int sync(String server, String login, Path directory, TokenFile tokens) {
        try {
            SyncClient client = new SyncClient(server, tokens.read().orElse(null));
            Role role = Role.AGENT;
            if (client.token() == null) {
                String password = env.get("TICKETSYNC_PASSWORD");
                if (password == null) {
                    out.println("no stored session for " + login + "; set TICKETSYNC_PASSWORD to sign in");
                    return 2;
                }
                SyncClient.Session session = client.login(login, password);
                tokens.write(session.token());
                role = session.user().role();
            }
            ReplicaRecovery.Opened opened = ReplicaRecovery.open(directory, server, login, role, Clock.systemUTC());
            opened.rescuedFile()
                    .ifPresent(file ->
                            out.println("the old replica could not be opened; unsynced changes saved to " + file));
            try (Replica replica = opened.replica();
                    SyncEngine engine = new SyncEngine(replica, client)) {
                engine.syncOnce();
                out.printf(
                        "synced %s as %s: %d tickets, %d pending, %d conflicts, cursor %d%n",
                        server,
                        login,
                        replica.ticketCount(),
                        replica.pending().size(),
                        replica.conflicts().size(),
                        replica.cursor());
                return replica.pending().isEmpty() ? 0 : 1;
            }
        } catch (ServerError e) {
            if (e.isUnauthorized()) {
                deleteQuietly(tokens);
                out.println("the stored session expired; set TICKETSYNC_PASSWORD and run again");
            } else {
                out.println("sync failed: " + e.getMessage());
            }
            return 1;
        } catch (IOException e) {
            out.println("server unreachable: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            out.println("cannot open the replica in " + directory + ": " + e.getMessage());
            return 1;
        }
    }

    private static void deleteQuietly(TokenFile tokens) {
        try {
            tokens.delete();
        } catch (IOException e) {
            // Left behind, it is refused again next time and replaced after a new sign-in.
        }
    }
}
