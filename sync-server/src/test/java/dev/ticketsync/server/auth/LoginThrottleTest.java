package dev.ticketsync.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand, so the window passes without sleeping. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String login, String ip, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(login, ip);
        }
    }

    @Test
    void five_failures_are_allowed_and_the_sixth_attempt_is_refused() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(throttle.retryAfter("alice", "10.0.0.1"))
                    .as("attempt %d", attempt)
                    .isEmpty();
            throttle.recordFailure("alice", "10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }

        // The first failure was 50 s ago; the window closes 15 min after it.
        assertThat(throttle.retryAfter("alice", "10.0.0.1"))
                .contains(Duration.ofMinutes(15).minusSeconds(50));
    }

    @Test
    void refused_pair_is_allowed_again_once_the_window_has_passed() {
        fail("alice", "10.0.0.1", 5);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        fail("alice", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("alice", "10.0.0.1", 4);

        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void success_clears_the_pair() {
        fail("alice", "10.0.0.1", 4);
        throttle.recordSuccess("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 4);

        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();

        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isPresent();
        throttle.recordSuccess("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void pairs_are_counted_apart_and_login_case_does_not_matter() {
        fail("alice", "10.0.0.1", 5);

        assertThat(throttle.retryAfter("ALICE", "10.0.0.1")).isPresent();
        assertThat(throttle.retryAfter("alice", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void one_address_is_capped_at_twenty_failures_across_logins() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.retryAfter("user" + i, "10.0.0.9")).isEmpty();
            throttle.recordFailure("user" + i, "10.0.0.9");
        }

        assertThat(throttle.retryAfter("someone-new", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("someone-new", "10.0.0.10")).isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("someone-new", "10.0.0.9")).isEmpty();
    }

    @Test
    void success_does_not_reset_the_address_cap() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        throttle.recordSuccess("user0", "10.0.0.9");

        assertThat(throttle.retryAfter("user0", "10.0.0.9")).isPresent();
    }

    @Test
    void expired_entries_are_dropped() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("user" + i, "10.0.1." + i);
        }
        assertThat(throttle.trackedKeys()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(15));
        throttle.retryAfter("anyone", "10.0.0.1");

        assertThat(throttle.trackedKeys()).isZero();
    }

    @Test
    void memory_is_capped_even_within_the_window() {
        LoginThrottle small = new LoginThrottle(clock, 50);
        for (int i = 0; i < 1000; i++) {
            small.recordFailure("user" + i, "10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(small.trackedKeys()).isEqualTo(100);
    }

    @Test
    void concurrent_failures_are_all_counted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String ip = "10.0.2." + i;
                done.add(pool.submit(() -> fail("carol", ip, 4)));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 0; i < 8; i++) {
            assertThat(throttle.retryAfter("carol", "10.0.2." + i)).isEmpty();
        }
        throttle.recordFailure("carol", "10.0.2.0");
        assertThat(throttle.retryAfter("carol", "10.0.2.0")).isPresent();
    }
}
