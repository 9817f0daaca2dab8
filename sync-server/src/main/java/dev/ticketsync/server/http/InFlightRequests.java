package dev.ticketsync.server.http;

import dev.ticketsync.model.protocol.ErrorCode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Graceful shutdown (Jetty as Javalin sets it up does not drain): once draining starts, new requests get 503 and
 * {@link #drain} waits for the ones in flight to finish, so an accepted write is answered before the database closes.
 * Event streams are long-lived and are not counted; they are closed separately.
 */
public final class InFlightRequests {

    private static final String COUNTED = "ticketsync.in-flight";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int active;
    private volatile boolean draining;

    void enter(Context ctx) {
        if (ctx.path().equals("/api/v1/sync/events")) {
            return;
        }
        if (draining) {
            throw new ApiException(503, ErrorCode.UNAVAILABLE, "The server is shutting down; retry in a moment", null)
                    .withHeader("Retry-After", "5");
        }
        lock.lock();
        try {
            active++;
        } finally {
            lock.unlock();
        }
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    void leave(Context ctx) {
        if (!Boolean.TRUE.equals(ctx.attribute(COUNTED))) {
            return;
        }
        ctx.attribute(COUNTED, Boolean.FALSE);
        lock.lock();
        try {
            active--;
            if (active == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses new requests and waits up to {@code timeout} for the running ones; true when all finished. It waits at
     * least {@code grace} too: a request whose bytes are still arriving has not reached a handler yet, and must get
     * its answer (a 503 now) before the connections close.
     */
    public boolean drain(Duration grace, Duration timeout) {
        draining = true;
        long earliest = System.nanoTime() + grace.toNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                if (active == 0 && now >= earliest) {
                    return true;
                }
                if (now >= deadline) {
                    return active == 0;
                }
                idle.await(active == 0 ? earliest - now : deadline - now, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
