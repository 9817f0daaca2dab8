package dev.ticketsync.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The server's database: a connection pool, migrated by Flyway on open. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String url;
    private final String user;
    private final String password;

    private Database(HikariDataSource dataSource, Dialect dialect, String url, String user, String password) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A connection of its own, outside the pool, for a long-lived LISTEN. */
    public Connection dedicatedConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(url, user, password);
    }

    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user == null ? (dialect == Dialect.H2 ? "sa" : null) : user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(dialect == Dialect.H2 ? 16 : 20);
        config.setPoolName("ticketsync");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", dialect.flywayLocation())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, url, config.getUsername(), config.getPassword());
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Work on one pooled connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs read-only work on a pooled connection; reads need no writer. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        }
    }

    /** A consistent online backup; H2 only (PostgreSQL has pg_dump). */
    public void backupTo(Path file) {
        if (dialect != Dialect.H2) {
            throw new UnsupportedOperationException("use pg_dump to back up PostgreSQL");
        }
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                s.setString(1, file.toAbsolutePath().toString());
                s.execute();
            }
            return null;
        });
    }

    @Override
    public void close() {
        if (dialect == Dialect.H2) {
            try (Connection c = dataSource.getConnection();
                    var s = c.createStatement()) {
                // A clean H2 shutdown compacts the file and releases its lock at once.
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already closed or shutting down: nothing to compact.
            }
        }
        dataSource.close();
    }
}
