package dev.ticketsync.server.command;

import dev.ticketsync.server.audit.AuditChain;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.ProjectKeys;
import dev.ticketsync.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The one writer (DESIGN.md §4): every write runs here, one at a time, from seq allocation to commit, so commit order
 * is seq order, a concurrent puller never skips a change, and the audit chain never forks. On PostgreSQL a
 * transaction-scoped advisory lock extends this across server instances.
 */
public final class Writer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Writer.class);

    private final Database database;
    private final AuditChain chain;
    private final Clock clock;
    private final ProjectKeys projectKeys;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<LongConsumer> commitListeners = new CopyOnWriteArrayList<>();

    public Writer(Database database, AuditChain chain, Clock clock) {
        this.database = database;
        this.chain = chain;
        this.clock = clock;
        this.projectKeys = new ProjectKeys(database.dialect());
    }

    /** A unit of work inside one write transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(WriteTx tx) throws SQLException;
    }

    /** Called with the new head after every commit that moved it (the event stream's pokes). */
    public void onCommit(LongConsumer listener) {
        commitListeners.add(listener);
    }

    public <T> T write(Work<T> work) {
        return write(null, work);
    }

    /**
     * A write stamped with a past time instead of the clock's: for importing history (the demo data). Order and the
     * audit chain are unaffected — seqs still follow commit order.
     */
    public <T> T writeAsOf(Instant at, Work<T> work) {
        return write(at, work);
    }

    private <T> T write(Instant at, Work<T> work) {
        long headAfter;
        long headBefore;
        T result;
        lock.lock();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                String writerLock = database.dialect().writerLockStatement();
                if (writerLock != null) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(writerLock);
                    }
                }
                WriteTx tx = begin(connection, at);
                headBefore = tx.head();
                result = work.run(tx);
                tx.saveState();
                String notify = database.dialect().notifyStatement();
                if (notify != null && tx.head() != headBefore) {
                    try (PreparedStatement s = connection.prepareStatement(notify)) {
                        s.setString(1, Long.toString(tx.head()));
                        s.execute();
                    }
                }
                connection.commit();
                headAfter = tx.head();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("write failed", e);
        } finally {
            lock.unlock();
        }
        if (headAfter != headBefore) {
            for (LongConsumer listener : commitListeners) {
                try {
                    listener.accept(headAfter);
                } catch (RuntimeException e) {
                    // The write is committed: a failing listener (pokes) must not turn its answer into an error.
                    LOG.warn("commit listener failed after head {}", headAfter, e);
                }
            }
        }
        return result;
    }

    private WriteTx begin(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement s =
                        connection.prepareStatement("SELECT head, audit_seq, audit_hash FROM sync_state WHERE id = 1");
                ResultSet r = s.executeQuery()) {
            r.next();
            Instant now = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MICROS);
            return new WriteTx(
                    connection,
                    database.dialect(),
                    chain,
                    projectKeys,
                    now,
                    r.getLong("head"),
                    r.getLong("audit_seq"),
                    r.getString("audit_hash"));
        }
    }
}
