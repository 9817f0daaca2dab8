package dev.ticketsync.desktop.sync;

import dev.ticketsync.desktop.replica.PendingMutation;
import dev.ticketsync.desktop.replica.PulledPage;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.sse.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background worker per replica (it owns the {@link SyncClient} it is given and closes it with itself) (DESIGN.md §5, §8): push the outbox in batches, then pull until caught up; wake on
 * every local change and every poke from the server; back off with jitter while offline; never block the caller.
 * {@link #syncOnce()} runs one round on the caller's thread, for scripts and tests.
 */
public final class SyncEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final int PUSH_BATCH = 1000;
    static final int PULL_PAGE = 5000;
    static final int MAX_SERVER_FAULTS = 5;

    private final Replica replica;
    private final SyncClient client;
    private final Backoff backoff = new Backoff(new Random());
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore stop = new Semaphore(0);
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object round = new Object();
    private final ExecutorService prefetcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sync-prefetch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SyncStatus status;
    private volatile boolean running;
    private volatile EventSource events;
    private volatile long knownHead;
    private Thread worker;

    public SyncEngine(Replica replica, SyncClient client) {
        this.replica = replica;
        this.client = client;
        this.status =
                new SyncStatus(SyncState.CONNECTING, 0, 0, replica.lastSync().orElse(null), 0, 0, null);
        replica.onLocalChange(() -> {
            publish(status.state(), status.problem());
            requestSync();
        });
    }

    public void onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    public SyncStatus status() {
        return status;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "sync-engine");
        worker.setDaemon(true);
        worker.start();
        requestSync();
    }

    /** Asks the worker for a round as soon as it is idle; calls made during a round coalesce into one more round. */
    public void requestSync() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Gives the engine a new token after the user signed in again (after a 401). */
    public void signedIn(String token) {
        client.token(token);
        closeEvents();
        requestSync();
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(30, TimeUnit.SECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                syncOnce();
                backoff.reset();
                openEvents();
            } catch (ServerError e) {
                if (e.isUnavailable()) {
                    publish(SyncState.OFFLINE, e.getMessage());
                    closeEvents();
                    pauseThenRetry();
                } else if (e.isUnauthorized()) {
                    publish(SyncState.ERROR, "401 sign in again: " + e.getMessage());
                    closeEvents();
                } else {
                    publish(SyncState.ERROR, e.getMessage());
                    pauseThenRetry();
                }
            } catch (IOException e) {
                publish(SyncState.OFFLINE, e.getMessage());
                closeEvents();
                pauseThenRetry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("sync round failed", e);
                publish(SyncState.ERROR, e.toString());
                pauseThenRetry();
            }
        }
    }

    /** Waits out the backoff; close() cuts the wait short through the same semaphore a wake uses. */
    private void pauseThenRetry() {
        Duration pause = backoff.next();
        try {
            stop.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        }
        requestSync();
    }

    /** One round: push everything pending, then pull until the server has nothing more. */
    public void syncOnce() throws IOException {
        synchronized (round) {
            long started = System.nanoTime();
            publish(status.state() == SyncState.SYNCED ? SyncState.SYNCING : SyncState.CONNECTING, null);
            push();
            long pushed = System.nanoTime();
            int changes = pull();
            publish(SyncState.SYNCED, null);
            LOG.debug(
                    "sync round: push {} ms, pull {} changes in {} ms",
                    (pushed - started) / 1_000_000,
                    changes,
                    (System.nanoTime() - pushed) / 1_000_000);
        }
    }

    /** The signed-in HTTP client this engine syncs with (the admin console reads through the same session). */
    public SyncClient client() {
        return client;
    }

    private void push() throws IOException {
        UUID clientId = replica.clientId();
        while (true) {
            List<PendingMutation> unsent = replica.toPush(PUSH_BATCH);
            if (unsent.isEmpty()) {
                return;
            }
            publish(SyncState.SYNCING, null);
            PushResult result;
            try {
                result = client.push(new PushRequest(
                        clientId, unsent.stream().map(SyncEngine::wire).toList()));
            } catch (ServerError e) {
                if (e.isMutationGap() && resendForgotten(clientId)) {
                    continue;
                }
                if (!e.isServerFault()) {
                    throw e;
                }
                pushOneByOne(clientId, unsent);
                continue;
            }
            replica.recordPush(unsent, result);
        }
    }

    /**
     * A gap means the server forgot mutations it had answered for this device (it lost its latest commits). Asks it
     * for the last one it holds — any pull page says — and sends the outbox again, numbered on from there, so the
     * device neither stalls nor loses what it still holds. False when the outbox holds nothing after that number.
     */
    private boolean resendForgotten(UUID clientId) throws IOException {
        long serverLast = client.pullPage(clientId, 0, 1).lastMutationId();
        int again = replica.resendAfter(serverLast);
        if (again > 0) {
            LOG.warn("the server holds this device's mutations up to {} only; sending {} again", serverLast, again);
        }
        return again > 0;
    }

    /**
     * After a server fault on a batch, finds the mutation that causes it: the batch goes one by one, the good ones
     * are recorded, and the failing one counts an attempt — after {@link #MAX_SERVER_FAULTS} it moves to the conflict
     * inbox, so it cannot block the queue. Returns when everything went through; throws to back off otherwise.
     */
    private void pushOneByOne(UUID clientId, List<PendingMutation> unsent) throws IOException {
        for (PendingMutation mutation : unsent) {
            try {
                replica.recordPush(List.of(mutation), client.push(new PushRequest(clientId, List.of(wire(mutation)))));
            } catch (ServerError e) {
                if (!e.isServerFault()) {
                    throw e;
                }
                if (replica.countAttempt(mutation.mutationId()) >= MAX_SERVER_FAULTS) {
                    replica.giveUp(
                            mutation,
                            "The server failed on this change " + MAX_SERVER_FAULTS + " times: " + e.getMessage());
                    return;
                }
                throw e;
            }
        }
    }

    /**
     * Pulls until caught up. The next page is fetched while the current one is written to the replica, so a bootstrap
     * costs about max(network, disk) per page rather than their sum.
     */
    private int pull() throws IOException {
        UUID clientId = replica.clientId();
        long start = replica.cursor();
        int changes = 0;
        CompletableFuture<PulledPage> next = fetch(clientId, start);
        while (true) {
            PulledPage page = await(next);
            if (page.head() < start) {
                // The server is behind what this replica pulled (it lost its latest commits): its seqs will be handed
                // out again, so everything is read again from the start, over the rows held.
                LOG.warn(
                        "the server's head {} is behind this replica's cursor {}; pulling everything again",
                        page.head(),
                        start);
                start = 0;
                next = fetch(clientId, 0);
                continue;
            }
            if (page.hasMore()) {
                next = fetch(clientId, page.cursor());
            }
            replica.applyPage(page);
            changes += page.changes().size();
            knownHead = Math.max(knownHead, page.head());
            long total = Math.max(0, page.head() - start);
            long done = Math.max(0, page.cursor() - start);
            status = new SyncStatus(
                    SyncState.SYNCING,
                    status.pending(),
                    status.conflicts(),
                    status.lastSync(),
                    page.hasMore() ? Math.min(done, total) : total,
                    total,
                    null);
            publish(SyncState.SYNCING, null);
            if (!page.hasMore()) {
                return changes;
            }
        }
    }

    private CompletableFuture<PulledPage> fetch(UUID clientId, long cursor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return client.pullPage(clientId, cursor, PULL_PAGE);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                },
                prefetcher);
    }

    private static PulledPage await(CompletableFuture<PulledPage> page) throws IOException {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private void openEvents() {
        if (events != null || !running) {
            return;
        }
        events = client.events(
                replica.clientId(),
                head -> {
                    if (head > replica.cursor()) {
                        requestSync();
                    }
                },
                () -> {
                    events = null;
                    if (running) {
                        requestSync();
                    }
                });
    }

    private void closeEvents() {
        EventSource open = events;
        events = null;
        if (open != null) {
            open.cancel();
        }
    }

    private static Mutation wire(PendingMutation mutation) {
        return new Mutation(
                mutation.mutationId(),
                mutation.command().name().wire(),
                CommandCodec.encode(mutation.command()),
                mutation.clientTime());
    }

    private void publish(SyncState state, String problem) {
        Instant lastSync = replica.lastSync().orElse(null);
        SyncStatus next = new SyncStatus(
                state,
                replica.pending().size(),
                replica.conflicts().size(),
                lastSync,
                status.bootstrapDone(),
                status.bootstrapTotal(),
                problem);
        status = next;
        listeners.forEach(listener -> listener.accept(next));
    }

    /** Releases the engine: stops the worker and closes its HTTP client. */
    @Override
    public void close() {
        stop();
        prefetcher.shutdown();
        client.close();
    }

    /** Stops the background worker and the event stream; {@link #syncOnce()} still works on the caller's thread. */
    public void stop() {
        running = false;
        closeEvents();
        wake.release();
        stop.release();
        Thread thread = worker;
        if (thread != null) {
            // No interrupt: an interrupt inside an H2 write closes the replica's file channel.
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
