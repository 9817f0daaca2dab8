package dev.ticketsync.desktop.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter, capped at 30 s: retries spread out instead of hammering a recovering server. */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration CAP = Duration.ofSeconds(30);

    private final RandomGenerator random;
    private int failures;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    Duration next() {
        long ceiling = Math.min(CAP.toMillis(), FIRST.toMillis() << Math.min(failures, 16));
        failures++;
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    void reset() {
        failures = 0;
    }
}
