package dev.ticketsync.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing: after 5 failed logins for one login from one address within 15 minutes, that pair is
 * refused until the window has passed; an address is also capped at 20 failures in 15 minutes across all logins, so
 * trying many logins from one place is slowed too. In memory (a restart forgets), thread-safe, bounded in size.
 *
 * <p>Use: ask {@link #retryAfter} before checking the password (answer 429 with Retry-After when present, without
 * checking it), then report the outcome with {@link #recordFailure} or {@link #recordSuccess}.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES_PER_LOGIN = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Far above any honest load; only a flood of distinct logins or addresses reaches it. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private static final int KEY_MAX_CHARS = 128;

    private record LoginAtAddress(String login, String ip) {}

    private final Clock clock;
    private final FailureWindow<LoginAtAddress> perLogin;
    private final FailureWindow<String> perAddress;

    public LoginThrottle(Clock clock) {
        this(clock, MAX_TRACKED_KEYS);
    }

    LoginThrottle(Clock clock, int maxTrackedKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perLogin = new FailureWindow<>(MAX_FAILURES_PER_LOGIN, WINDOW, maxTrackedKeys);
        this.perAddress = new FailureWindow<>(MAX_FAILURES_PER_ADDRESS, WINDOW, maxTrackedKeys);
    }

    /** How long the caller must wait before this login may be tried from this address; empty when it may now. */
    public Optional<Duration> retryAfter(String login, String ip) {
        Instant now = clock.instant();
        Optional<Duration> forLogin = perLogin.retryAfter(key(login, ip), now);
        Optional<Duration> forAddress = perAddress.retryAfter(address(ip), now);
        if (forLogin.isEmpty()) {
            return forAddress;
        }
        if (forAddress.isEmpty()) {
            return forLogin;
        }
        return Optional.of(forLogin.get().compareTo(forAddress.get()) >= 0 ? forLogin.get() : forAddress.get());
    }

    public void recordFailure(String login, String ip) {
        Instant now = clock.instant();
        perLogin.recordFailure(key(login, ip), now);
        perAddress.recordFailure(address(ip), now);
    }

    /**
     * Forgets the failures of this login from this address. The address's own count stays: otherwise an attacker
     * holding one account could reset it between guesses at others.
     */
    public void recordSuccess(String login, String ip) {
        perLogin.clear(key(login, ip));
    }

    int trackedKeys() {
        return perLogin.trackedKeys() + perAddress.trackedKeys();
    }

    private static LoginAtAddress key(String login, String ip) {
        // Case-folded so "Alice" and "alice" share one count even if logins are compared case-insensitively.
        return new LoginAtAddress(cut(Objects.requireNonNull(login, "login").toLowerCase(Locale.ROOT)), address(ip));
    }

    private static String address(String ip) {
        return cut(Objects.requireNonNull(ip, "ip"));
    }

    /** A cut key is refused a little sooner, never later, and the memory per key stays small. */
    private static String cut(String text) {
        return text.length() > KEY_MAX_CHARS ? text.substring(0, KEY_MAX_CHARS) : text;
    }
}
