package dev.ticketsync.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failures per key in a sliding window: once {@code limit} failures fall within {@code window}, the key is
 * refused until the oldest of them leaves it. Keeps at most {@code limit} timestamps per key and at most
 * {@code maxKeys} keys, so memory stays bounded whatever an attacker sends. Thread-safe.
 */
final class FailureWindow<K> {

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    // Ordered by latest failure (a failing key is moved to the end), so expired keys are always at the front.
    private final LinkedHashMap<K, ArrayDeque<Instant>> failures = new LinkedHashMap<>();

    FailureWindow(int limit, Duration window, int maxKeys) {
        if (limit < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit and maxKeys must be positive, window longer than zero");
        }
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    synchronized Optional<Duration> retryAfter(K key, Instant now) {
        dropExpired(now);
        ArrayDeque<Instant> times = failures.get(key);
        if (times == null || times.size() < limit) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(window));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void recordFailure(K key, Instant now) {
        dropExpired(now);
        ArrayDeque<Instant> times = failures.remove(key);
        if (times == null) {
            times = new ArrayDeque<>(limit);
        }
        dropExpired(times, now);
        times.addLast(now);
        if (times.size() > limit) {
            times.removeFirst();
        }
        failures.put(key, times);
        if (failures.size() > maxKeys) {
            // Forgetting the key that failed least recently is the smallest loss of protection.
            Iterator<K> eldest = failures.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    synchronized void clear(K key) {
        failures.remove(key);
    }

    synchronized int trackedKeys() {
        return failures.size();
    }

    private void dropExpired(Instant now) {
        Iterator<Map.Entry<K, ArrayDeque<Instant>>> entries =
                failures.entrySet().iterator();
        while (entries.hasNext()) {
            if (!isExpired(entries.next().getValue().peekLast(), now)) {
                break;
            }
            entries.remove();
        }
    }

    private void dropExpired(ArrayDeque<Instant> times, Instant now) {
        while (!times.isEmpty() && isExpired(times.peekFirst(), now)) {
            times.removeFirst();
        }
    }

    private boolean isExpired(Instant failure, Instant now) {
        return !failure.plus(window).isAfter(now);
    }
}
