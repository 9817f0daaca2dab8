package dev.ticketsync.desktop.chaos;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * How a chaos run goes, from system properties: {@code chaos.seed} (random when absent; printed, so a failing run's
 * plan can be replayed), {@code chaos.quick=true} (a minute of chaos, for CI) or {@code chaos.minutes} (default 3).
 * The server is killed on average {@code meanUptime} after it began to listen.
 */
record ChaosSettings(long seed, boolean quick, Duration length, int devices, Duration meanUptime) {

    static final int DEVICES = 20;

    static ChaosSettings fromSystemProperties() {
        String seed = System.getProperty("chaos.seed", "");
        boolean quick = Boolean.parseBoolean(System.getProperty("chaos.quick", "false"));
        double minutes = Double.parseDouble(System.getProperty("chaos.minutes", "3"));
        return new ChaosSettings(
                seed.isBlank() ? new Random().nextLong() : Long.parseLong(seed.strip()),
                quick,
                quick ? Duration.ofSeconds(60) : Duration.ofMillis((long) (minutes * 60_000)),
                DEVICES,
                Duration.ofSeconds(8));
    }

    /** The system properties that replay this run's plan. */
    String replay() {
        return "-Dchaos.seed=" + seed
                + (quick
                        ? " -Dchaos.quick=true"
                        : String.format(Locale.ROOT, " -Dchaos.minutes=%s", length.toMillis() / 60_000.0));
    }
}
