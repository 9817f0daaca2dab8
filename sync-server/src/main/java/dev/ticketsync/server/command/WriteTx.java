package dev.ticketsync.server.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.server.audit.AuditChain;
import dev.ticketsync.server.audit.AuditJson;
import dev.ticketsync.server.store.AuditRows;
import dev.ticketsync.server.store.Dialect;
import dev.ticketsync.server.store.ProjectKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One write transaction under the writer lock. It hands out the global seqs and the ticket keys, writes the change log
 * and appends to the audit chain; everything else a write does goes through its {@link #connection()}. Nothing else
 * writes these tables. Counters live in memory for the whole transaction (a push of 1,000 mutations reads and writes
 * each once) and are rewound with the savepoint of a rejected mutation.
 */
public final class WriteTx {

    private static final String CHANGE_LOG_INSERT =
            "INSERT INTO change_log (entity, entity_id, seq, deleted, data) VALUES (?, ?, ?, ?, ?)";

    private final Connection connection;
    private final Dialect dialect;
    private final AuditChain chain;
    private final Instant now;
    private final ProjectKeys projectKeys;
    private final AuditRows auditRows = new AuditRows();
    private final String changeLogUpsert;
    private long head;
    private long auditSeq;
    private String auditHash;
    // Key numbers per project: as handed out in this transaction, and as stored, so each changed one is saved once.
    private Map<String, Long> lastKeyNumbers = new HashMap<>();
    private final Map<String, Long> storedKeyNumbers = new HashMap<>();
    // Tickets this transaction read or wrote (empty: known not to exist), so a batch looks each up at most once; the
    // ids written, in order, so a rollback forgets what it undid.
    private final Map<UUID, Optional<Ticket>> tickets = new HashMap<>();
    private final List<UUID> ticketsWritten = new ArrayList<>();

    WriteTx(
            Connection connection,
            Dialect dialect,
            AuditChain chain,
            ProjectKeys projectKeys,
            Instant now,
            long head,
            long auditSeq,
            String auditHash) {
        this.connection = connection;
        this.dialect = dialect;
        this.chain = chain;
        this.projectKeys = projectKeys;
        this.now = now;
        this.head = head;
        this.auditSeq = auditSeq;
        this.auditHash = auditHash;
        this.changeLogUpsert = dialect.upsert("change_log", 2, "entity", "entity_id", "seq", "deleted", "data");
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The time of this write, truncated to microseconds as both databases store it. */
    public Instant now() {
        return now;
    }

    /** The newest seq, including this transaction's own changes so far. */
    public long head() {
        return head;
    }

    /** The ticket as this transaction last read or wrote it: empty when it does not exist, null when not known. */
    Optional<Ticket> knownTicket(UUID id) {
        return tickets.get(id);
    }

    /** Remembers {@code ticket} as read (null: known not to exist) for the rest of this transaction. */
    void knowTicket(UUID id, Ticket ticket) {
        tickets.put(id, Optional.ofNullable(ticket));
    }

    /** Remembers {@code ticket} as this transaction wrote it. */
    void wroteTicket(Ticket ticket) {
        tickets.put(ticket.id(), Optional.of(ticket));
        ticketsWritten.add(ticket.id());
    }

    /** The next human key in {@code project}: OPS-1, OPS-2, … */
    public String nextKey(String project) throws SQLException {
        Long last = lastKeyNumbers.get(project);
        if (last == null) {
            last = projectKeys.lastNumber(connection, project);
            storedKeyNumbers.put(project, last);
        }
        lastKeyNumbers.put(project, last + 1);
        return project + "-" + (last + 1);
    }

    /** Records that {@code entity} changed: it moves to the next global seq with this snapshot. */
    public long logChange(EntityType entity, String id, Object snapshot, boolean deleted) throws SQLException {
        return logChangeJson(entity, id, json(snapshot), deleted);
    }

    /** As {@link #logChange}, with the snapshot already written as JSON. */
    public long logChangeJson(EntityType entity, String id, String snapshotJson, boolean deleted) throws SQLException {
        return log(changeLogUpsert, entity, id, snapshotJson, deleted);
    }

    /**
     * As {@link #logChangeJson}, for an entity this transaction created: it cannot be in the log yet, so a plain insert
     * does (cheaper than an upsert, which looks for the row first).
     */
    public long logCreation(EntityType entity, String id, String snapshotJson) throws SQLException {
        return log(CHANGE_LOG_INSERT, entity, id, snapshotJson, false);
    }

    private long log(String sql, EntityType entity, String id, String snapshotJson, boolean deleted)
            throws SQLException {
        long seq = ++head;
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, entity.wire());
            s.setString(2, id);
            s.setLong(3, seq);
            s.setBoolean(4, deleted);
            s.setString(5, snapshotJson);
            s.executeUpdate();
        }
        return seq;
    }

    /**
     * Appends one entry to the audit chain; entries about a ticket also take the next global seq and sync to replicas,
     * so history works offline.
     */
    public AuditEntry audit(
            String actor,
            UUID clientId,
            String ip,
            AuditAction action,
            UUID ticketId,
            SortedMap<String, ValueChange> changes)
            throws SQLException {
        AuditEntry unsigned =
                new AuditEntry(auditSeq + 1, now, actor, clientId, ip, action, ticketId, changes, auditHash, null);
        String changesJson = AuditJson.canonicalChanges(unsigned.changes());
        String hash = chain.hashOf(unsigned, changesJson);
        AuditEntry entry = new AuditEntry(
                unsigned.seq(), now, actor, clientId, ip, action, ticketId, unsigned.changes(), auditHash, hash);
        // An entry about a ticket is a change-log entity too; its seq is kept in its own row.
        Long changeSeq = ticketId == null ? null : ++head;
        auditRows.append(connection, entry, changesJson, changeSeq);
        auditSeq = entry.seq();
        auditHash = hash;
        return entry;
    }

    /** A point to roll back to when one mutation of a batch is rejected, seqs and audit tail included. */
    public Mark mark() throws SQLException {
        return new Mark(
                connection.setSavepoint(),
                head,
                auditSeq,
                auditHash,
                Map.copyOf(lastKeyNumbers),
                ticketsWritten.size());
    }

    public void rollbackTo(Mark mark) throws SQLException {
        connection.rollback(mark.savepoint);
        head = mark.head;
        auditSeq = mark.auditSeq;
        auditHash = mark.auditHash;
        lastKeyNumbers = new HashMap<>(mark.lastKeyNumbers);
        List<UUID> undone = ticketsWritten.subList(mark.ticketsWritten, ticketsWritten.size());
        undone.forEach(tickets::remove);
        undone.clear();
    }

    public void release(Mark mark) throws SQLException {
        connection.releaseSavepoint(mark.savepoint);
    }

    void saveState() throws SQLException {
        for (Map.Entry<String, Long> last : lastKeyNumbers.entrySet()) {
            if (!last.getValue().equals(storedKeyNumbers.get(last.getKey()))) {
                projectKeys.saveLastNumber(connection, last.getKey(), last.getValue());
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE sync_state SET head = ?, audit_seq = ?, audit_hash = ? WHERE id = 1")) {
            s.setLong(1, head);
            s.setLong(2, auditSeq);
            s.setString(3, auditHash);
            s.executeUpdate();
        }
    }

    public static String json(Object value) {
        try {
            return Json.strict().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A savepoint with the counters as they were there. */
    public static final class Mark {
        private final Savepoint savepoint;
        private final long head;
        private final long auditSeq;
        private final String auditHash;
        private final Map<String, Long> lastKeyNumbers;
        private final int ticketsWritten;

        private Mark(
                Savepoint savepoint,
                long head,
                long auditSeq,
                String auditHash,
                Map<String, Long> lastKeyNumbers,
                int ticketsWritten) {
            this.savepoint = savepoint;
            this.head = head;
            this.auditSeq = auditSeq;
            this.auditHash = auditHash;
            this.lastKeyNumbers = lastKeyNumbers;
            this.ticketsWritten = ticketsWritten;
        }
    }
}
