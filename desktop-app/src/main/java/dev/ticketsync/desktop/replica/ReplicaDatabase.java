package dev.ticketsync.desktop.replica;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    public static ReplicaDatabase open(Path directory) throws SQLException {
        String url = url(directory);
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/replica")
                // A schema written by a newer app is not ours to guess at: refuse it, and the replica is rebuilt.
                .ignoreMigrationPatterns(new String[0])
                .load()
                .migrate();
        Connection connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
        return new ReplicaDatabase(connection);
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
