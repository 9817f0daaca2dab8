package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchDevice;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.Percentiles;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.protocol.PullResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Device A commits a local edit; the time until B's replica shows it, both engines running live (A pushes at once, the
 * server pokes B over SSE, B pulls and applies). Baseline: an HTTP round trip to {@code /health} on the same server.
 */
public final class PropagationScenario implements Scenario {

    private static final int TICKETS = 20;
    private static final int WARMUP = 30;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final Priority[] PRIORITIES = Priority.values();

    /** The edit B is waiting for; B's change listener completes it with the time it saw the new value. */
    private record Expected(UUID ticket, Priority priority, CompletableFuture<Long> seenAt) {}

    @Override
    public String name() {
        return "propagation";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        BenchDevice b = session.syncedObserver();
        AtomicReference<Expected> expected = new AtomicReference<>();
        b.replica().onChange(ids -> {
            Expected edit = expected.get();
            if (edit != null && ids.contains(edit.ticket())) {
                b.replica()
                        .ticket(edit.ticket())
                        .filter(ticket -> ticket.priority() == edit.priority())
                        .ifPresent(ticket -> edit.seenAt().complete(System.nanoTime()));
            }
        });
        try (BenchDevice a = session.device(session.directory("device-a"), "alice")) {
            List<UUID> tickets = prepare(session, a, b);
            b.engine().start();
            a.engine().start();
            int edits = session.options().propagationEdits();
            session.progress(String.format("propagation: %d edits on A, each awaited in B's replica…", edits));
            long[] latencies = new long[edits];
            for (int i = 0; i < WARMUP + edits; i++) {
                UUID ticket = tickets.get(i % TICKETS);
                Priority next = PRIORITIES[(i / TICKETS + 1) % PRIORITIES.length];
                Expected edit = new Expected(ticket, next, new CompletableFuture<>());
                expected.set(edit);
                long started = System.nanoTime();
                a.replica().execute(EditFields.of(ticket, EditableField.PRIORITY, FieldEdit.to(next.wire())));
                long seen;
                try {
                    seen = edit.seenAt().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("edit " + i + " on A never showed in B's replica within " + LIMIT);
                }
                if (i >= WARMUP) {
                    latencies[i - WARMUP] = seen - started;
                }
            }
            expected.set(null);
            Percentiles p = Percentiles.ofNanosAsMillis(latencies);
            result.put(ResultKey.PROPAGATION_P50_MS, p.p50());
            result.put(ResultKey.PROPAGATION_P95_MS, p.p95());
            result.put(ResultKey.PROPAGATION_P99_MS, p.p99());
        } finally {
            expected.set(null);
            b.engine().stop();
        }
        result.put(ResultKey.HEALTH_RTT_P50_MS, healthRoundTrip(session.server().url(), 200));
    }

    /**
     * A starts where the server is now (it needs none of the history to edit its own tickets, and a full bootstrap here
     * would only slow the run), creates its tickets locally and syncs them; B must have them before edits start.
     */
    private static List<UUID> prepare(BenchSession session, BenchDevice a, BenchDevice b) throws IOException {
        try (SyncClient probe = session.client("alice")) {
            long head = probe.pull(a.replica().clientId(), 0, 1).head();
            a.replica().applyPage(new PullResponse(List.of(), head, head, false, 0));
        }
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            UUID id = Ids.newId();
            a.replica()
                    .execute(new CreateTicket(
                            id, "Propagation probe " + i, null, PRIORITIES[0], null, null, null, null, null, null));
            tickets.add(id);
        }
        a.engine().syncOnce();
        b.engine().syncOnce();
        for (UUID id : tickets) {
            if (b.replica().ticket(id).isEmpty()) {
                throw new IllegalStateException("B did not receive A's probe ticket " + id);
            }
        }
        return tickets;
    }

    /** The p50 of {@code count} round trips to {@code /health} over one kept-alive connection, after a warm-up. */
    static double healthRoundTrip(String url, int count) throws IOException {
        OkHttpClient http = new OkHttpClient();
        try {
            Request request = new Request.Builder().url(url + "/health").build();
            long[] nanos = new long[count];
            for (int i = -WARMUP; i < count; i++) {
                long started = System.nanoTime();
                try (Response response = http.newCall(request).execute()) {
                    response.body().bytes();
                    if (!response.isSuccessful()) {
                        throw new IOException("/health answered " + response.code());
                    }
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - started;
                }
            }
            return Percentiles.ofNanosAsMillis(nanos).p50();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
