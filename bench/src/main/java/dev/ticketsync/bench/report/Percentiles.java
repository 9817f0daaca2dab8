package dev.ticketsync.bench.report;

import java.util.Arrays;

/**
 * Percentiles of a sample by the nearest-rank method: the p-th percentile is the smallest value with at least p % of
 * the sample at or below it, so every reported figure is a latency that really happened.
 */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** Nanosecond durations, reported in milliseconds. */
    public static Percentiles ofNanosAsMillis(long[] nanos) {
        double[] millis = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            millis[i] = nanos[i] / 1_000_000.0;
        }
        return of(millis);
    }

    /** {@code p} in (0, 100]. */
    public double at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        // p * n first: exact for whole-number percentiles, where p / 100 * n can land just above an integer.
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double p50() {
        return at(50);
    }

    public double p95() {
        return at(95);
    }

    public double p99() {
        return at(99);
    }

    public int count() {
        return sorted.length;
    }
}
