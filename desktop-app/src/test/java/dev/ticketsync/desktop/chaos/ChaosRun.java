package dev.ticketsync.desktop.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The chaos itself, on the caller's thread, for the configured time: users make random edits on random devices while
 * devices lose their network for a while, single connections are reset, links slow down, and the server process is
 * killed with SIGKILL at random moments (now and then while it is still starting) and restarted on the same port and
 * data after a random down time. Every choice comes from one seeded {@link Random}; the threads make the timing
 * differ between runs, so a seed replays the plan, not the interleaving.
 */
final class ChaosRun {

    /** Out of 100 ticks: an edit, a new ticket, a device going offline, a dropped connection, a change of latency. */
    private static final int EDIT = 72;

    private static final int REPORT = 76;
    private static final int OFFLINE = 80;
    private static final int DROP = 86;
    private static final int LATENCY = 89;

    private static final Duration MAX_DOWN_TIME = Duration.ofMillis(2500);
    private static final Duration MAX_OFFLINE = Duration.ofSeconds(12);
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final ChaosSettings settings;
    private final Random random;
    private final ServerProcess server;
    private final List<ChaosDevice> devices;
    private int edits;
    private int reports;
    private int latencyChanges;
    private int killsWhileStarting;

    ChaosRun(ChaosSettings settings, ServerProcess server, List<ChaosDevice> devices) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.server = server;
        this.devices = devices;
    }

    void run() {
        long end = now() + settings.length().toMillis();
        ServerLife life = new ServerLife();
        life.listening(now());
        while (now() < end) {
            long now = now();
            life.step(now);
            for (ChaosDevice device : devices) {
                device.maybeReconnect(now, false);
            }
            tick(now);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5 + random.nextInt(30)));
        }
        if (!server.isAlive()) {
            server.start();
        }
    }

    /**
     * When the server dies and comes back: killed a random time after it began to listen (so it serves between kills
     * however slow its start on a loaded machine), down for a random time, then started — and now and then killed
     * again before it listens.
     */
    private final class ServerLife {
        private long killAt = -1;
        private long restartAt = -1;
        private long killWhileStartingAt = -1;

        void listening(long now) {
            long mean = settings.meanUptime().toMillis();
            killAt = now + mean / 2 + (long) (random.nextDouble() * mean);
        }

        void step(long now) {
            if (restartAt >= 0) {
                if (now >= restartAt) {
                    server.start();
                    restartAt = -1;
                    killWhileStartingAt = random.nextInt(6) == 0 ? now + random.nextInt(3000) : -1;
                }
            } else if (!server.isAlive()) {
                throw new IllegalStateException("the server exited on its own; see " + server.log());
            } else if (killAt >= 0) {
                if (now >= killAt) {
                    kill(now);
                }
            } else if (server.isListening()) {
                listening(now);
            } else if (killWhileStartingAt >= 0 && now >= killWhileStartingAt) {
                killsWhileStarting++;
                kill(now);
            }
        }

        private void kill(long now) {
            server.kill();
            killAt = -1;
            killWhileStartingAt = -1;
            restartAt = now + random.nextInt((int) MAX_DOWN_TIME.toMillis() + 1);
        }
    }

    private void tick(long now) {
        int roll = random.nextInt(100);
        ChaosDevice device = devices.get(random.nextInt(devices.size()));
        if (roll < EDIT) {
            device.edit(random, false);
            edits++;
        } else if (roll < REPORT) {
            device.edit(random, true);
            reports++;
        } else if (roll < OFFLINE) {
            device.goOffline(Duration.ofMillis(random.nextInt((int) MAX_OFFLINE.toMillis())), now);
        } else if (roll < DROP) {
            dropAConnection();
        } else if (roll < LATENCY) {
            device.network().delayUpTo(Duration.ofMillis(random.nextInt(3) == 0 ? 0 : random.nextInt(15)));
            latencyChanges++;
        }
    }

    /** Resets one open connection of a random device that has one (a device waiting out its backoff has none). */
    private void dropAConnection() {
        int first = random.nextInt(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get((first + i) % devices.size()).network().dropOne(random)) {
                return;
            }
        }
    }

    /** Ends the chaos: the server up and listening, every network back and fast. */
    void heal() {
        if (!server.isAlive()) {
            server.start();
        }
        server.awaitListening(STARTUP);
        for (ChaosDevice device : devices) {
            device.maybeReconnect(now(), true);
            device.network().delayUpTo(Duration.ZERO);
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    int edits() {
        return edits;
    }

    int reports() {
        return reports;
    }

    int latencyChanges() {
        return latencyChanges;
    }

    int killsWhileStarting() {
        return killsWhileStarting;
    }
}
