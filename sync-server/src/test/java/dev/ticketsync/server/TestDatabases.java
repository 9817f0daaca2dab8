package dev.ticketsync.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database the server tests run on: the embedded H2 file by default, or a real PostgreSQL when the build sets
 * {@code -Dticketsync.test.db=postgres} (the second Surefire run). One PostgreSQL per test JVM, a fresh database per
 * test server.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("ticketsync.test.db"));
    }

    /** The database URL for a server over {@code dataDir}: the same on a restart, null for the default H2 file. */
    public static String urlFor(Path dataDir) {
        if (!postgres()) {
            return null;
        }
        return URLS.computeIfAbsent(dataDir.toAbsolutePath(), dir -> newDatabase());
    }

    public static String user() {
        return postgres() ? "postgres" : null;
    }

    private static synchronized String newDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is exiting; the temp cluster goes with it.
                    }
                }));
            }
            String name = "ticketsync_" + NEXT.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
