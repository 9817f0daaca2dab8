package dev.ticketsync.bench.scenario;

import dev.ticketsync.desktop.replica.ReplicaDatabase;
import dev.ticketsync.model.domain.Ids;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The baselines: plain JDBC batch inserts, the fastest way to put the same rows into H2, measured in the same run as
 * the figure they are compared with.
 */
final class RawInsert {

    /** The replica's replicated tables: what a bootstrap writes. */
    static final List<String> REPLICA_TABLES = List.of("tickets", "comments", "watchers", "users", "audit");

    private static final int BATCH = 5000;

    private RawInsert() {}

    /** The rows of one table, read into memory so that only the insert is timed. */
    record TableRows(String table, List<String> columns, List<Object[]> rows) {}

    static List<TableRows> readReplica(String jdbcUrl) throws SQLException {
        List<TableRows> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            for (String table : REPLICA_TABLES) {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (r.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = r.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    tables.add(new TableRows(table, columns, rows));
                }
            }
        }
        return tables;
    }

    static long count(List<TableRows> tables) {
        return tables.stream().mapToLong(t -> t.rows().size()).sum();
    }

    /**
     * Inserts the rows into a fresh replica file (same schema, same H2 settings) in batches of a pull page, one commit
     * per batch; returns rows per second.
     */
    static double intoFreshReplica(Path directory, List<TableRows> tables) throws SQLException {
        try (ReplicaDatabase fresh = ReplicaDatabase.open(directory)) {
            Connection c = fresh.connection();
            long started = System.nanoTime();
            for (TableRows table : tables) {
                String sql = "INSERT INTO " + table.table() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                        + "?, ".repeat(table.columns().size() - 1) + "?)";
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    int pending = 0;
                    for (Object[] row : table.rows()) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i]);
                        }
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            return count(tables) / ((System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Inserts {@code rows} comment-shaped rows (about 200 characters of text each) into a scratch table of the server's
     * own database, in batches of {@code batch} with a commit each, then drops the table; returns rows per second.
     */
    static double intoServer(DataSource server, int rows, int batch, String body) throws SQLException {
        try (Connection c = server.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE bench_raw_insert (
                            id UUID PRIMARY KEY, ticket_id UUID NOT NULL, author VARCHAR(64) NOT NULL,
                            body VARCHAR(65536) NOT NULL, visibility VARCHAR(16) NOT NULL,
                            created_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
                s.execute("CREATE INDEX bench_raw_insert_ticket ON bench_raw_insert (ticket_id, created_at)");
                c.commit();
            }
            try {
                long started = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_raw_insert (id, ticket_id, author, body, visibility, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    UUID ticket = Ids.newId();
                    for (int i = 0; i < rows; i++) {
                        if (i % 7 == 0) {
                            ticket = Ids.newId();
                        }
                        // Time-ordered ids like the real ones, so the primary key grows at its end as it does there.
                        insert.setObject(1, Ids.newId());
                        insert.setObject(2, ticket);
                        insert.setString(3, "alice");
                        insert.setString(4, body);
                        insert.setString(5, "public");
                        insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.addBatch();
                        if ((i + 1) % batch == 0 || i == rows - 1) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                }
                return rows / ((System.nanoTime() - started) / 1e9);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE bench_raw_insert");
                    c.commit();
                }
            }
        }
    }
}
