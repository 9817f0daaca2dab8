package dev.ticketsync.server.command;

import java.sql.SQLException;
import java.time.Instant;

/**
 * A write waiting for, or taking part in, a group commit ({@link Writer}). Its work runs on the thread that leads the
 * group; its caller gets the result or the failure once the group has committed or rolled back. Its fields are handed
 * between the two threads under the writer's lock ({@link #finish} is called holding it, {@link #done} read holding
 * it).
 */
final class PendingWrite<T> {

    private final Instant at;
    private final int weight;
    private final Writer.Work<T> work;
    private T result;
    private Throwable failure;
    private boolean done;

    PendingWrite(Instant at, int weight, Writer.Work<T> work) {
        this.at = at;
        this.weight = Math.max(1, weight);
        this.work = work;
    }

    Instant at() {
        return at;
    }

    int weight() {
        return weight;
    }

    void run(WriteTx tx) throws SQLException {
        result = work.run(tx);
    }

    void fail(Throwable cause) {
        failure = cause;
        result = null;
    }

    void failUnlessFailed(Throwable cause) {
        if (failure == null) {
            fail(cause);
        }
    }

    void finish() {
        done = true;
    }

    boolean done() {
        return done;
    }

    /** The work's result, or its failure rethrown in the caller's thread. */
    T outcome() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("write failed", failure);
        }
        return result;
    }
}
