package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchServer;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.env.Futures;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.Percentiles;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.bench.workload.DataGenerator;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Many devices syncing at once, each a thread with its own clientId over real HTTP: push one change, pull what others
 * did, then a person's pause (0.5–1.5 s) before the next change. Reports the p99 push latency and every error (a
 * failed call, or a push not accepted).
 */
public final class FanoutScenario implements Scenario {

    private static final long MIN_THINK_MS = 500;
    private static final long MAX_THINK_MS = 1500;

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        List<UUID> open = session.loaded().openTickets();
        int devices = session.options().fanoutDevices();
        long durationMs = session.options().fanoutDuration().toMillis();
        String url = session.server().url();
        // The desktop's SyncClient timeouts (a device gives up on a push after a minute, not OkHttp's default 10 s),
        // and a pool that keeps every device's connection alive.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(60))
                .connectionPool(new ConnectionPool(devices + 8, 1, TimeUnit.MINUTES))
                .build();
        Map<String, String> tokens = new HashMap<>();
        for (String agent : BenchServer.AGENTS) {
            tokens.put(
                    agent,
                    new SyncClient(url, null, http)
                            .login(agent, BenchServer.PASSWORD)
                            .token());
        }
        long head = new SyncClient(url, tokens.get("alice"), http)
                .pull(UUID.randomUUID(), 0, 1)
                .head();
        ConcurrentLinkedQueue<Long> pushNanos = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        session.progress(String.format("fanout: %d devices push and pull for %d s…", devices, durationMs / 1000));
        ExecutorService threads = Executors.newFixedThreadPool(devices);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                String agent = BenchServer.AGENTS.get(d % BenchServer.AGENTS.size());
                SyncClient client = new SyncClient(url, tokens.get(agent), http);
                Device device = new Device(client, session.generator(), open, new Random(d), head);
                running.add(threads.submit(() -> device.run(deadline, pushNanos, errors, accepted)));
            }
            for (Future<?> device : running) {
                Futures.join(device);
            }
        } finally {
            threads.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        session.observerMissed(accepted.get());
        long[] nanos = pushNanos.stream().mapToLong(Long::longValue).toArray();
        if (nanos.length == 0) {
            throw new IllegalStateException("no push completed in the fan-out");
        }
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        session.progress(String.format("fanout: %,d pushes, %,d errors %s", nanos.length, errorCount, errors));
        result.put(ResultKey.FANOUT_DEVICES, devices);
        result.put(ResultKey.FANOUT_P99_MS, Percentiles.ofNanosAsMillis(nanos).p99());
        result.put(ResultKey.FANOUT_ERRORS, errorCount);
    }

    /** One simulated device: its own clientId, mutation ids and cursor. */
    private static final class Device {
        private final SyncClient client;
        private final DataGenerator generator;
        private final List<UUID> open;
        private final Random random;
        private final UUID clientId = UUID.randomUUID();
        private long nextMutationId = 1;
        private long cursor;

        Device(SyncClient client, DataGenerator generator, List<UUID> open, Random random, long cursor) {
            this.client = client;
            this.generator = generator;
            this.open = open;
            this.random = random;
            this.cursor = cursor;
        }

        void run(
                long deadline,
                ConcurrentLinkedQueue<Long> pushNanos,
                Map<String, LongAdder> errors,
                AtomicLong accepted) {
            // Devices start spread over one pause, as people do, not all in the same millisecond.
            if (!pause(deadline, random.nextLong(MAX_THINK_MS))) {
                return;
            }
            while (System.nanoTime() < deadline) {
                Command command = generator.workItem(random, open.get(random.nextInt(open.size())));
                Mutation mutation = new Mutation(
                        nextMutationId, command.name().wire(), CommandCodec.encode(command), Instant.now());
                try {
                    long started = System.nanoTime();
                    PushResult result = client.push(new PushRequest(clientId, List.of(mutation)));
                    pushNanos.add(System.nanoTime() - started);
                    nextMutationId++;
                    if (result.results().size() != 1
                            || result.results().get(0).effectiveStatus() != MutationStatus.ACCEPTED) {
                        count(errors, "not accepted");
                    } else {
                        accepted.incrementAndGet();
                    }
                    PullResponse page;
                    do {
                        page = client.pull(clientId, cursor, 5000);
                        cursor = page.cursor();
                    } while (page.hasMore());
                } catch (IOException | RuntimeException e) {
                    count(errors, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                if (!pause(deadline, MIN_THINK_MS + random.nextLong(MAX_THINK_MS - MIN_THINK_MS))) {
                    return;
                }
            }
        }

        /** Counts an error by kind, so the report can say what failed. */
        private static void count(Map<String, LongAdder> errors, String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        /** A person's pause (pacing the load, not waiting for a result); false when the run is over. */
        private static boolean pause(long deadline, long millis) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= millis) {
                return false;
            }
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
