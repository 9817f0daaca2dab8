package dev.ticketsync.server.sync;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters for the admin console and /metrics: totals since start, and a per-minute rate over the last full minute.
 */
public final class SyncStats {

    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong pulls = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    // Per-second buckets of the last minute: [second % 60] for pushes and pulls.
    private final AtomicLongArray pushBuckets = new AtomicLongArray(60);
    private final AtomicLongArray pullBuckets = new AtomicLongArray(60);
    private final AtomicLongArray bucketSecond = new AtomicLongArray(60);

    public void pushed(int acceptedCount, int rejectedCount) {
        pushes.incrementAndGet();
        accepted.addAndGet(acceptedCount);
        rejected.addAndGet(rejectedCount);
        count(pushBuckets);
    }

    public void pulled() {
        pulls.incrementAndGet();
        count(pullBuckets);
    }

    private void count(AtomicLongArray buckets) {
        long second = System.currentTimeMillis() / 1000;
        int slot = (int) (second % 60);
        if (bucketSecond.getAndSet(slot, second) != second) {
            pushBuckets.set(slot, 0);
            pullBuckets.set(slot, 0);
        }
        buckets.incrementAndGet(slot);
    }

    public long pushes() {
        return pushes.get();
    }

    public long pulls() {
        return pulls.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long pushesLastMinute() {
        return lastMinute(pushBuckets);
    }

    public long pullsLastMinute() {
        return lastMinute(pullBuckets);
    }

    private long lastMinute(AtomicLongArray buckets) {
        long now = System.currentTimeMillis() / 1000;
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            if (now - bucketSecond.get(i) < 60) {
                sum += buckets.get(i);
            }
        }
        return sum;
    }
}
