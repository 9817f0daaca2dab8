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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
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
    /** Commands per group commit at most: as many as one push part (PushService.MUTATIONS_PER_COMMIT). */
    public static final int GROUP_WEIGHT = 250;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final Deque<PendingWrite<?>> queue = new ArrayDeque<>();
    // True while a group runs; guarded by lock. The group itself runs without the lock, so others can queue behind it.
    private boolean writing;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    // The thread running a group: a write from inside a write would wait for itself.
    private volatile Thread leader;
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

    /** Writes handled since start, committed or failed (/metrics). */
    public long writes() {
        return writes.get();
    }

    /** Write transactions run since start: fewer than {@link #writes()} by the writes that shared a group commit. */
    public long transactions() {
        return transactions.get();
    }

    /** Writes waiting for their turn right now. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the new head after every commit that moved it (the event stream's pokes). */
    public void onCommit(LongConsumer listener) {
        commitListeners.add(listener);
    }

    public <T> T write(Work<T> work) {
        return write(null, 1, work);
    }

    /**
     * As {@link #write(Work)}, for work of about {@code weight} commands (a push part): a group of concurrent writes
     * holds at most {@link #GROUP_WEIGHT} of them, so grouping never makes a transaction a large push would not.
     */
    public <T> T write(int weight, Work<T> work) {
        return write(null, weight, work);
    }

    /**
     * A write stamped with a past time instead of the clock's: for importing history (the demo data). Order and the
     * audit chain are unaffected — seqs still follow commit order.
     */
    public <T> T writeAsOf(Instant at, Work<T> work) {
        return write(at, GROUP_WEIGHT, work);
    }

    /**
     * Group commit: a write joins the queue; whoever finds no group running takes the queue's head (up to
     * {@link #GROUP_WEIGHT}) and runs it as one transaction, each write in a savepoint of its own, then answers them
     * all after the one commit. Alone, a write runs exactly as before (no savepoint). Writes queued behind a running
     * group wait for it, so under load many short writes share one commit instead of each paying its own.
     */
    private <T> T write(Instant at, int weight, Work<T> work) {
        if (leader == Thread.currentThread()) {
            throw new IllegalStateException("a write cannot start inside another write");
        }
        PendingWrite<T> mine = new PendingWrite<>(at, weight, work);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done()) {
                if (writing) {
                    turn.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                List<PendingWrite<?>> group = takeGroup();
                lock.unlock();
                try {
                    leader = Thread.currentThread();
                    runGroup(group);
                } finally {
                    leader = null;
                    lock.lock();
                    group.forEach(PendingWrite::finish);
                    writing = false;
                    turn.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** The queue's head: writes in arrival order, up to the group's weight; a write stamped with its own time alone. */
    private List<PendingWrite<?>> takeGroup() {
        List<PendingWrite<?>> group = new ArrayList<>();
        int weight = 0;
        while (!queue.isEmpty()) {
            PendingWrite<?> next = queue.peek();
            boolean fits = group.isEmpty()
                    || (next.at() == null && group.get(0).at() == null && weight + next.weight() <= GROUP_WEIGHT);
            if (!fits) {
                break;
            }
            group.add(queue.poll());
            weight += next.weight();
        }
        return group;
    }

    private void runGroup(List<PendingWrite<?>> group) {
        transactions.incrementAndGet();
        writes.addAndGet(group.size());
        long headAfter;
        long headBefore;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                String writerLock = database.dialect().writerLockStatement();
                if (writerLock != null) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(writerLock);
                    }
                }
                WriteTx tx = begin(connection, group.get(0).at());
                headBefore = tx.head();
                if (group.size() == 1) {
                    group.get(0).run(tx);
                } else {
                    for (PendingWrite<?> write : group) {
                        runInSavepoint(tx, write);
                    }
                }
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
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            failAll(group, new StoreException("write failed", e));
            return;
        } catch (RuntimeException | Error e) {
            failAll(group, e);
            return;
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
    }

    /** One write of a group: its failure undoes only its own changes, as if it had run (and failed) alone. */
    private static void runInSavepoint(WriteTx tx, PendingWrite<?> write) throws SQLException {
        WriteTx.Mark mark = tx.mark();
        try {
            write.run(tx);
        } catch (SQLException e) {
            tx.rollbackTo(mark);
            write.fail(new StoreException("write failed", e));
            return;
        } catch (RuntimeException e) {
            tx.rollbackTo(mark);
            write.fail(e);
            return;
        }
        tx.release(mark);
    }

    /** Nothing of the group committed: each write fails with the cause, unless its own work already failed. */
    private static void failAll(List<PendingWrite<?>> group, Throwable cause) {
        for (PendingWrite<?> write : group) {
            write.failUnlessFailed(cause);
        }
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
