package dev.ticketsync.desktop.replica;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The replica's H2 file, opened with {@code WRITE_DELAY=0} so a local change that returned survives a crash, and
 * migrated by the replica's own Flyway scripts. One connection: the replica has one writer (this process) and H2
 * embedded reads are cheap.
 */
public final class ReplicaDatabase implements AutoCloseable {

    private final Connection connection;

    private ReplicaDatabase(Connection connection) {
        this.connection = connection;
    }

    /** The newest migration in {@code db/replica}: a replica at this version, all applied cleanly, is opened as is. */
    static final String SCHEMA_VERSION = "3";

    public static ReplicaDatabase open(Path directory) throws SQLException {
        String url = url(directory);
        // Our connection first: it keeps the database open while Flyway's comes and goes, so the file is opened once.
        Connection connection = DriverManager.getConnection(url, "sa", "");
        try {
            if (!upToDate(connection)) {
                Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations("classpath:db/replica")
                        // A schema written by a newer app is not ours to guess at: refuse it, and the replica is
                        // rebuilt.
                        .ignoreMigrationPatterns(new String[0])
                        .load()
                        .migrate();
            }
            connection.setAutoCommit(false);
            return new ReplicaDatabase(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link #SCHEMA_VERSION} was applied and nothing failed
     * or came later. Then Flyway is not started at all (loading and running it was a good part of the app's start);
     * anything else — a new file, an older schema, a newer one, a failed migration — goes through Flyway as before.
     */
    static boolean upToDate(Connection connection) {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT COUNT(*), COUNT(CASE WHEN NOT "success" THEN 1 END), MAX("installed_rank"),
                               MAX(CASE WHEN "version" = '%s' THEN "installed_rank" END)
                        FROM "flyway_schema_history"
                        WHERE "version" IS NOT NULL""".formatted(SCHEMA_VERSION))) {
            if (!r.next()) {
                return false;
            }
            long failed = r.getLong(2);
            long last = r.getLong(3);
            long current = r.getLong(4);
            return r.getLong(1) > 0 && failed == 0 && current != 0 && current == last;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /** The JDBC URL of the replica in {@code directory}; a second connection in this JVM must use exactly this one. */
    public static String url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("replica")
                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The one connection; callers hold the replica's lock while using it. */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException alreadyClosed) {
            // Closing twice is harmless.
        }
        connection.close();
    }
}
