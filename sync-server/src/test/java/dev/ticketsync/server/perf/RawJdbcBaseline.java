package dev.ticketsync.server.perf;

import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.server.config.ServerConfig;
import dev.ticketsync.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The floor a push cannot beat: the rows one accepted {@code create_ticket} writes (ticket, its change-log entry, one
 * audit entry and its change-log entry, the mutation's outcome), inserted with plain JDBC batches, one commit per
 * 1,000, into a fresh H2 file with the server's schema and URL settings. No JSON, no hashing, no HTTP.
 */
final class RawJdbcBaseline {

    private RawJdbcBaseline() {}

    static PushThroughput.Run run(int mutations) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ticketsync-baseline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = ServerConfig.builder().dataDir(dir).build().jdbcUrl();
        try (Database database = Database.open(url, null, null);
                Connection c = database.connection()) {
            c.setAutoCommit(false);
            return PushThroughput.timed(mutations, () -> {
                try {
                    insert(c, mutations);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static void insert(Connection c, int mutations) throws SQLException {
        UUID clientId = UUID.randomUUID();
        try (PreparedStatement ticket = c.prepareStatement("""
                            INSERT INTO tickets (id, ticket_key, project, status, priority, assignee, reporter, title,
                                description, updated_at, version, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement change = c.prepareStatement(
                        "INSERT INTO change_log (entity, entity_id, seq, deleted, data) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement audit = c.prepareStatement("""
                            INSERT INTO audit_log (seq, at, actor, client_id, ip, action, ticket_id, changes, prev_hash,
                                hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement outcome = c.prepareStatement("""
                            INSERT INTO mutations (client_id, mutation_id, status, seq, code, message, command,
                                ticket_id, user_login, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            long seq = 0;
            for (int n = 1; n <= mutations; n++) {
                UUID id = Ids.newId();
                OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
                String description = PushThroughput.description(n);
                String data = "{\"id\":\"" + id + "\",\"key\":\"OPS-" + n + "\",\"title\":\"Bench ticket " + n
                        + "\",\"description\":\"" + description + "\",\"status\":\"new\",\"priority\":\"p3\"}";
                ticket.setObject(1, id);
                ticket.setString(2, "OPS-" + n);
                ticket.setString(3, "OPS");
                ticket.setString(4, "new");
                ticket.setString(5, "p3");
                ticket.setString(6, null);
                ticket.setString(7, "alice");
                ticket.setString(8, "Bench ticket " + n);
                ticket.setString(9, description);
                ticket.setObject(10, now);
                ticket.setLong(11, 1);
                ticket.setString(12, data);
                ticket.addBatch();
                change(change, "ticket", id.toString(), ++seq, data);
                String changes = "{\"description\":{\"new\":\"" + description + "\"},\"title\":{\"new\":\"Bench\"}}";
                audit.setLong(1, n);
                audit.setObject(2, now);
                audit.setString(3, "alice");
                audit.setObject(4, clientId);
                audit.setString(5, "127.0.0.1");
                audit.setString(6, "TICKET_CREATED");
                audit.setObject(7, id);
                audit.setString(8, changes);
                audit.setString(9, "0".repeat(64));
                audit.setString(10, "1".repeat(64));
                audit.addBatch();
                change(change, "audit", Integer.toString(n), ++seq, "{\"seq\":" + n + ",\"changes\":" + changes + "}");
                outcome.setObject(1, clientId);
                outcome.setLong(2, n);
                outcome.setString(3, "accepted");
                outcome.setLong(4, seq);
                outcome.setString(5, null);
                outcome.setString(6, null);
                outcome.setString(7, "create_ticket");
                outcome.setObject(8, id);
                outcome.setString(9, "alice");
                outcome.setObject(10, now);
                outcome.addBatch();
                if (n % PushThroughput.BATCH == 0 || n == mutations) {
                    ticket.executeBatch();
                    change.executeBatch();
                    audit.executeBatch();
                    outcome.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void change(PreparedStatement s, String entity, String id, long seq, String data)
            throws SQLException {
        s.setString(1, entity);
        s.setString(2, id);
        s.setLong(3, seq);
        s.setBoolean(4, false);
        s.setString(5, data);
        s.addBatch();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
