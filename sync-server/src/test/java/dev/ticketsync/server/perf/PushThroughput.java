package dev.ticketsync.server.perf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Push throughput as DESIGN.md §9 states it: one device pushes batches of 1,000 {@code create_ticket} mutations
 * (~400-character descriptions) over real HTTP to a real server on the default embedded H2 file. Request bodies are
 * written before the clock starts, so the figure is the server's. Prints mutations/s per run, then checks that every
 * mutation was accepted and that the audit chain verifies.
 *
 * <p>Run with {@code PushThroughputBench} (which also measures the raw JDBC baseline); kept apart from the test suite
 * because a shared two-core machine gives no stable figure to assert on.
 */
final class PushThroughput {

    static final int BATCH = 1_000;
    private static final Instant CLIENT_TIME = Instant.parse("2026-03-01T09:00:00Z");

    private PushThroughput() {}

    /**
     * The result of one run: wall-clock time; the CPU time of the threads that did the work (the server's request
     * threads, or the inserting thread) and of the whole JVM (client, server, GC, JIT), which say more than the wall
     * clock when other processes share the cores; and the bytes H2 wrote.
     */
    record Run(int mutations, Duration elapsed, Duration workerCpu, Duration cpu, long storeBytes) {
        double perSecond() {
            return mutations / (elapsed.toNanos() / 1e9);
        }

        double cpuMicrosPerMutation() {
            return cpu.toNanos() / 1e3 / mutations;
        }

        double workerCpuMicrosPerMutation() {
            return workerCpu.toNanos() / 1e3 / mutations;
        }

        /** How much H2 wrote per mutation: its file grows by what each commit writes (chunks are append-only). */
        double storeBytesPerMutation() {
            return (double) storeBytes / mutations;
        }

        Run withStoreBytes(long bytes) {
            return new Run(mutations, elapsed, workerCpu, cpu, bytes);
        }
    }

    /** Times {@code work} in wall-clock time, process CPU time and the CPU time of threads named {@code workers*}. */
    static Run timed(int mutations, String workers, Runnable work) {
        Map<Long, Long> workersBefore = threadCpuNanos(workers);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuBefore;
        long workerCpu = 0;
        for (Map.Entry<Long, Long> after : threadCpuNanos(workers).entrySet()) {
            workerCpu += after.getValue() - workersBefore.getOrDefault(after.getKey(), 0L);
        }
        return new Run(mutations, Duration.ofNanos(elapsed), Duration.ofNanos(workerCpu), Duration.ofNanos(cpu), 0);
    }

    private static Map<Long, Long> threadCpuNanos(String namePrefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(namePrefix)) {
                cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String description(int n) {
        StringBuilder text = new StringBuilder("Ticket " + n + ": ");
        while (text.length() < 400) {
            text.append("the VPN client drops the connection after the laptop wakes from sleep; ");
        }
        return text.substring(0, 400);
    }

    /** The {@code n}th ticket of a run: a fresh time-ordered id, a title and a 400-character description. */
    static CreateTicket create(int n) {
        return new CreateTicket(
                Ids.newId(),
                "Bench ticket " + n,
                description(n),
                Priority.P3,
                TicketType.INCIDENT,
                null,
                null,
                null,
                null,
                null);
    }

    /** The JSON bodies of {@code mutations / BATCH} pushes from one new device, mutation ids 1, 2, 3… */
    static List<byte[]> bodies(int mutations) {
        UUID clientId = UUID.randomUUID();
        List<byte[]> bodies = new ArrayList<>();
        List<Mutation> batch = new ArrayList<>(BATCH);
        for (int n = 1; n <= mutations; n++) {
            CreateTicket create = create(n);
            batch.add(new Mutation((long) n, CommandName.of(create).wire(), CommandCodec.encode(create), CLIENT_TIME));
            if (batch.size() == BATCH || n == mutations) {
                bodies.add(json(new PushRequest(clientId, batch)));
                batch = new ArrayList<>(BATCH);
            }
        }
        return bodies;
    }

    /** Pushes {@code mutations} creates to a fresh server and times it. */
    static Run run(int mutations) {
        List<byte[]> bodies = bodies(mutations);
        try (TestServer server = TestServer.start()) {
            String token = server.as("alice").token();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Path store = server.dataDir().resolve("ticketsync.mv.db");
            long storeBefore = fileSize(store);
            int[] accepted = {0};
            Run run = timed(mutations, "JettyServerThreadPool", () -> {
                for (byte[] body : bodies) {
                    HttpResponse<String> response = send(http, server.url("/api/v1/sync/push"), token, body);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "push answered " + response.statusCode() + ": " + response.body());
                    }
                    accepted[0] += count(response.body());
                }
            });
            run = run.withStoreBytes(fileSize(store) - storeBefore);
            if (accepted[0] != mutations) {
                throw new IllegalStateException(accepted[0] + " of " + mutations + " mutations accepted");
            }
            JsonNode verification =
                    server.as("admin").get("/api/v1/audit/verify").json();
            if (!verification.path("ok").asBoolean()) {
                throw new IllegalStateException("audit chain does not verify: " + verification);
            }
            return run;
        }
    }

    static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String pushResult) throws UncheckedIOException {
        try {
            int accepted = 0;
            for (JsonNode result : Json.lenient().readTree(pushResult).get("results")) {
                if ("accepted".equals(result.path("status").asText())) {
                    accepted++;
                }
            }
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, String token, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.strict().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
