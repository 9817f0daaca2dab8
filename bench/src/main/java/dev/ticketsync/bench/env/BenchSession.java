package dev.ticketsync.bench.env;

import dev.ticketsync.bench.BenchOptions;
import dev.ticketsync.bench.workload.DataGenerator;
import dev.ticketsync.desktop.profile.ProfileDirectory;
import dev.ticketsync.desktop.sync.SyncClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the scenarios share, prepared on first use so that {@code --only} runs just what it needs: the server loaded
 * with N tickets, and the observer device B (bob's replica, in a desktop profile directory so the app can open it
 * later). Tracks how many mutations B has missed since it last synced, for the catch-up scenario.
 */
public final class BenchSession implements AutoCloseable {

    public static final String OBSERVER = "bob";
    private static final long SEED = 20_240_601L;

    private final BenchOptions options;
    private final Path root;
    private final PrintStream progress;
    private final DataGenerator generator;
    private BenchServer server;
    private WritePathLoader.Loaded loaded;
    private final Map<String, SyncClient.Session> sessions = new HashMap<>();
    private BenchDevice observer;
    private boolean observerSynced;
    private long missedByObserver;

    private BenchSession(BenchOptions options, Path root, PrintStream progress) {
        this.options = options;
        this.root = root;
        this.progress = progress;
        this.generator = new DataGenerator(SEED, options.commentsPerTicket(), BenchServer.AGENTS);
    }

    public static BenchSession create(BenchOptions options, PrintStream progress) throws IOException {
        return new BenchSession(options, Files.createTempDirectory("ticketsync-bench"), progress);
    }

    public BenchOptions options() {
        return options;
    }

    public DataGenerator generator() {
        return generator;
    }

    /** A fresh directory under the run's temp directory. */
    public Path directory(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    public void progress(String line) {
        progress.println("· " + line);
        progress.flush();
    }

    public BenchServer server() throws IOException {
        if (server == null) {
            server = BenchServer.start(directory("server"));
        }
        return server;
    }

    /** The server with the run's tickets in it (loaded on first call, through the push endpoint). */
    public WritePathLoader.Loaded loaded() throws IOException {
        if (loaded == null) {
            progress(String.format(
                    "loading %,d tickets with %,d comments through the server's write path…",
                    options.tickets(), options.comments()));
            double cpu = ProcessCpu.seconds();
            loaded = new WritePathLoader(server().app(), generator).load(options.tickets());
            progress(String.format(
                    "loaded %,d mutations in %.1f s, %.1f s CPU (%,.0f mutations/s, %,d tickets left open)",
                    loaded.mutations(),
                    loaded.seconds(),
                    ProcessCpu.seconds() - cpu,
                    loaded.mutations() / loaded.seconds(),
                    loaded.openTickets().size()));
        }
        return loaded;
    }

    /** {@code login}'s session, signed in once per run (a password check costs a deliberate hash). */
    public SyncClient.Session session(String login) throws IOException {
        SyncClient.Session session = sessions.get(login);
        if (session == null) {
            try (SyncClient client = new SyncClient(server().url(), null)) {
                session = client.login(login, BenchServer.PASSWORD);
            }
            sessions.put(login, session);
        }
        return session;
    }

    /** A signed-in HTTP client for {@code login}; the caller closes it. */
    public SyncClient client(String login) throws IOException {
        return new SyncClient(server().url(), session(login).token());
    }

    /** A new device of {@code login} with its replica in {@code directory}. */
    public BenchDevice device(Path directory, String login) throws IOException {
        try {
            return BenchDevice.open(directory, server().url(), session(login));
        } catch (SQLException e) {
            throw new IOException("could not open " + login + "'s replica in " + directory, e);
        }
    }

    /** Where the desktop app keeps its profiles in this run ({@code --data-dir}). */
    public Path desktopDataDir() {
        return root.resolve("desktop");
    }

    /** Device B: bob's replica in his desktop profile directory; empty until it first syncs. */
    public BenchDevice observer() throws IOException {
        if (observer == null) {
            loaded();
            Path profile = ProfileDirectory.of(desktopDataDir(), server().url(), OBSERVER);
            observer = device(Files.createDirectories(profile), OBSERVER);
        }
        return observer;
    }

    public boolean observerSynced() {
        return observerSynced;
    }

    /** Called after the observer pulled everything (timed or not): from now on, new server changes are missed. */
    public void observerCaughtUp() {
        observerSynced = true;
        missedByObserver = 0;
    }

    /** The observer with at least one full sync behind it (done now, untimed, if none was), but not necessarily current. */
    public BenchDevice bootstrappedObserver() throws IOException {
        BenchDevice device = observer();
        if (!observerSynced) {
            progress("bootstrapping bob's replica (not timed)…");
            device.engine().syncOnce();
            observerCaughtUp();
        }
        return device;
    }

    /** Brings the observer up to date without timing it (for scenarios that need a synced replica). */
    public BenchDevice syncedObserver() throws IOException {
        BenchDevice device = observer();
        if (!observerSynced || missedByObserver > 0) {
            progress("syncing bob's replica (not timed)…");
            device.engine().syncOnce();
            observerCaughtUp();
        }
        return device;
    }

    /** Records mutations the server accepted while the observer was not syncing. */
    public void observerMissed(long mutations) {
        if (observerSynced) {
            missedByObserver += mutations;
        }
    }

    public long missedByObserver() {
        return missedByObserver;
    }

    /** Closes the observer's replica so another process (the desktop app) can open its file. */
    public void closeObserver() {
        if (observer != null) {
            observer.close();
            observer = null;
            observerSynced = false;
        }
    }

    @Override
    public void close() {
        closeObserver();
        if (server != null) {
            server.close();
        }
        deleteQuietly(root);
    }

    public static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in the temp dir are harmless.
        }
    }
}
