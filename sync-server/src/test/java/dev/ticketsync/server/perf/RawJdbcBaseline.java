package dev.ticketsync.server.perf;

import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Applied;
import dev.ticketsync.model.workflow.Workflow;
import dev.ticketsync.server.audit.AuditJson;
import dev.ticketsync.server.config.ServerConfig;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TicketRows;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The raw cost of what one accepted {@code create_ticket} stores (the ticket's row, its snapshot in the change log, one
 * audit entry, its share of the batch's outcome row), with the same JSON texts, inserted with plain JDBC batches, one
 * commit per 1,000, into a fresh H2 file with the server's schema and URL settings. No JSON written while timed, no
 * hashing, no HTTP.
 */
final class RawJdbcBaseline {

    private static final String HASH = "0123456789abcdef".repeat(4);

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
            Path store = dir.resolve("ticketsync.mv.db");
            long storeBefore = PushThroughput.fileSize(store);
            List<Row> rows = rows(mutations);
            return PushThroughput.timed(mutations, Thread.currentThread().getName(), () -> {
                        try {
                            insert(c, rows);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .withStoreBytes(PushThroughput.fileSize(store) - storeBefore);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static void insert(Connection c, List<Row> rows) throws SQLException {
        int mutations = rows.size();
        UUID clientId = UUID.randomUUID();
        try (PreparedStatement ticket = c.prepareStatement("""
                        INSERT INTO tickets (id, ticket_key, project, status, priority, assignee, reporter, title,
                            description, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement change = c.prepareStatement(
                        "INSERT INTO change_log (entity, entity_id, seq, deleted, data) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement audit = c.prepareStatement("""
                        INSERT INTO audit_log (seq, at, actor, client_id, ip, action, ticket_id, changes, prev_hash,
                            hash, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement outcomes = c.prepareStatement("""
                        INSERT INTO accepted_mutations (client_id, first_mutation_id, last_mutation_id, accepted)
                        VALUES (?, ?, ?, ?)""")) {
            long seq = 0;
            StringBuilder accepted = new StringBuilder();
            for (int n = 1; n <= mutations; n++) {
                Row row = rows.get(n - 1);
                OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
                ticket.setObject(1, row.id());
                ticket.setString(2, "OPS-" + n);
                ticket.setString(3, "OPS");
                ticket.setString(4, "new");
                ticket.setString(5, "p3");
                ticket.setString(6, null);
                ticket.setString(7, "alice");
                ticket.setString(8, "Bench ticket " + n);
                ticket.setString(9, PushThroughput.description(n));
                ticket.setObject(10, now);
                ticket.setLong(11, 1);
                ticket.addBatch();
                change.setString(1, "ticket");
                change.setString(2, row.id().toString());
                change.setLong(3, ++seq);
                change.setBoolean(4, false);
                change.setString(5, row.snapshot());
                change.addBatch();
                audit.setLong(1, n);
                audit.setObject(2, now);
                audit.setString(3, "alice");
                audit.setObject(4, clientId);
                audit.setString(5, "127.0.0.1");
                audit.setString(6, "TICKET_CREATED");
                audit.setObject(7, row.id());
                audit.setString(8, row.changes());
                audit.setString(9, HASH);
                audit.setString(10, HASH);
                audit.setLong(11, ++seq);
                audit.addBatch();
                accepted.append(accepted.length() == 0 ? "" : ",")
                        .append(n)
                        .append(':')
                        .append(seq);
                if (n % PushThroughput.BATCH == 0 || n == mutations) {
                    ticket.executeBatch();
                    change.executeBatch();
                    audit.executeBatch();
                    outcomes.setObject(1, clientId);
                    outcomes.setLong(2, n - (n - 1) % PushThroughput.BATCH);
                    outcomes.setLong(3, n);
                    outcomes.setString(4, accepted.toString());
                    outcomes.executeUpdate();
                    accepted.setLength(0);
                    c.commit();
                }
            }
        }
    }

    /** The JSON texts of one create, written before the clock starts: JSON is not part of the baseline. */
    private record Row(UUID id, String snapshot, String changes) {}

    private static List<Row> rows(int mutations) {
        List<Row> rows = new ArrayList<>(mutations);
        Instant now = Instant.now();
        for (int n = 1; n <= mutations; n++) {
            CreateTicket create = PushThroughput.create(n);
            Applied created = (Applied) Workflow.standard().apply(null, create, new Actor("alice", Role.AGENT), now);
            Ticket ticket = created.ticket().toBuilder().key("OPS-" + n).build();
            rows.add(new Row(
                    ticket.id(),
                    TicketRows.snapshot(ticket),
                    AuditJson.canonicalChanges(created.events().get(0).changes())));
        }
        return rows;
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
