package dev.ticketsync.desktop;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.server.ServerApp;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real sync server in-process on a free loopback port (H2 file in a temp dir) with users alice, bob (agents) and
 * carol (lead), and real replicas on real H2 files connected to it over HTTP. Closes everything it opened.
 */
public final class TestBackend implements AutoCloseable {

    public static final String PASSWORD = "correct-horse-1";

    private final Path root;
    private final Path serverDir;
    private ServerApp server;
    private int port;
    // Devices may be opened from several threads at once.
    private final List<Device> opened = new CopyOnWriteArrayList<>();

    private TestBackend(Path root) {
        this.root = root;
        this.serverDir = root.resolve("server");
    }

    public static TestBackend start() {
        try {
            TestBackend backend = new TestBackend(Files.createTempDirectory("ticketsync-desktop"));
            backend.startServer(0);
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer(int onPort) {
        ServerConfig config = ServerConfig.builder()
                .port(onPort)
                .bind("127.0.0.1")
                .dataDir(serverDir)
                .adminPassword(PASSWORD)
                .build();
        server = ServerApp.create(config, Clock.systemUTC());
        server.prepare(config);
        if (server.users().find("alice").isEmpty()) {
            server.users().create("admin", "alice", "Alice Agent", Role.AGENT, PASSWORD, Origin.server());
            server.users().create("admin", "bob", "Bob Agent", Role.AGENT, PASSWORD, Origin.server());
            server.users().create("admin", "carol", "Carol Lead", Role.LEAD, PASSWORD, Origin.server());
        }
        server.start();
        port = server.port();
    }

    /** Stops the server (devices go offline); {@link #restartServer()} brings it back on the same port and data. */
    public void stopServer() {
        server.close();
    }

    public void restartServer() {
        startServer(port);
    }

    public ServerApp server() {
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The server's data directory (H2 file and audit key): while the in-process server is stopped, a server in another
     * process may run on it, on {@link #port()}.
     */
    public Path serverDir() {
        return serverDir;
    }

    /** A device: a replica in its own directory, signed in as {@code login}, with its sync engine (not started). */
    public Device device(String name, String login) {
        return device(root.resolve("devices").resolve(name), login, url());
    }

    /** As {@link #device(String, String)}, but talking to the server through {@code baseUrl} (e.g. a test proxy). */
    public Device deviceVia(String name, String login, String baseUrl) {
        return device(root.resolve("devices").resolve(name), login, baseUrl);
    }

    /**
     * A device over the replica in {@code directory} (opened, or created if new), signed in as {@code login} through
     * {@code baseUrl}; closed with the backend.
     */
    private Device device(Path directory, String login, String baseUrl) {
        try {
            SyncClient client = new SyncClient(baseUrl, null);
            SyncClient.Session session = client.login(login, PASSWORD);
            // The JDK creates the parents safely when devices open at once; H2 alone can trip over a sibling's mkdir.
            Files.createDirectories(directory);
            Replica replica =
                    Replica.open(directory, baseUrl, login, session.user().role(), Clock.systemUTC());
            SyncEngine engine = new SyncEngine(replica, client);
            Device device = new Device(replica, engine, client);
            opened.add(device);
            return device;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A replica with its engine and HTTP client. */
    public record Device(Replica replica, SyncEngine engine, SyncClient client) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
            replica.close();
        }
    }

    @Override
    public void close() {
        for (Device device : opened) {
            device.close();
        }
        server.close();
        deleteQuietly(root);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in the temp dir are harmless.
        }
    }
}
