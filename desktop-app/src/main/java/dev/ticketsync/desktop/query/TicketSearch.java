package dev.ticketsync.desktop.query;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.domain.Ticket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket list's search (DESIGN.md §8, §9): the replica's view — server state with the pending mutations re-applied
 * — held in memory with a derived full-text index, answering a query with exactly the tickets
 * {@link TicketQuery#matches} accepts, newest update first, in milliseconds on 100k tickets and 300k comments.
 *
 * <p>Opening reads the tickets only, so a large list is usable at once; the comment text is then read and indexed in
 * chunks on the background executor, newest tickets first. Until a ticket is indexed, free words are tested against
 * its key, title and description directly and its comments are not searched yet: {@link #textReady()} says when they
 * all are, and listeners hear of it. Afterwards the index follows {@link Replica#onChange}: the changed tickets are
 * re-read and re-indexed, nothing else.
 *
 * <p>Searches may run on any thread (the UI's: they never touch the database); replica reads happen on the background
 * executor or in {@link #refresh()}.
 */
public final class TicketSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSearch.class);

    /**
     * Tickets whose comments are read and indexed per background step: a search waits for at most one step (tens of
     * milliseconds), and other background work (a ticket's details, an action) gets its turn between steps.
     */
    static final int CHUNK = 500;

    /** Figures for benchmarks and logs. */
    public record Stats(int tickets, int indexed, int terms, long postings) {}

    private final Replica replica;
    private final Executor background;
    private final ExecutorService owned;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Held by whoever updates (reads the replica, then changes the index), so updates never interleave. */
    private final ReentrantLock updating = new ReentrantLock();

    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final List<Consumer<Set<UUID>>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch textIndexed = new CountDownLatch(1);
    private volatile boolean closed;
    private TicketIndex index;

    private TicketSearch(Replica replica, Executor background, ExecutorService owned) {
        this.replica = replica;
        this.background = background;
        this.owned = owned;
    }

    /** Opens a search over the replica with a background thread of its own; {@link #close()} stops it. */
    public static TicketSearch open(Replica replica) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread worker = new Thread(runnable, "ticket-search");
            worker.setDaemon(true);
            return worker;
        });
        return open(replica, thread, thread);
    }

    /**
     * Opens a search over the replica: reads every ticket (in the calling thread — not the UI's), then indexes the
     * comment text on {@code background}. A direct executor indexes everything before this returns.
     */
    public static TicketSearch open(Replica replica, Executor background) {
        return open(replica, background, null);
    }

    private static TicketSearch open(Replica replica, Executor background, ExecutorService owned) {
        TicketSearch search = new TicketSearch(replica, background, owned);
        search.updating.lock();
        try {
            // Listen before reading, so a change made meanwhile is re-read (once this load is done) rather than lost.
            replica.onChange(search::changed);
            TicketIndex loaded = new TicketIndex(replica.tickets(), replica.pendingTicketIds());
            search.write(() -> search.index = loaded);
        } finally {
            search.updating.unlock();
        }
        search.later(search::indexNextChunk);
        return search;
    }

    /** The tickets matching a query in the list's language, newest update first; "me" is {@code me}. */
    public List<Ticket> search(String queryText, String me) {
        QueryParser.Result parsed = QueryParser.parse(queryText);
        if (!parsed.ok()) {
            throw new IllegalArgumentException(parsed.error() + " (at " + parsed.errorAt() + ")");
        }
        return search(parsed.query(), me);
    }

    /** The tickets the query accepts, newest update first; "me" is {@code me}. */
    public List<Ticket> search(TicketQuery query, String me) {
        return read(() -> index.search(query, me));
    }

    public Optional<Ticket> ticket(UUID id) {
        return Optional.ofNullable(read(() -> index.ticket(id)));
    }

    /** The ids of tickets with unsynced changes, as of the last update. */
    public Set<UUID> pending() {
        return read(() -> index.pending());
    }

    public int size() {
        return read(() -> index.size());
    }

    /** True once every ticket's comments are indexed; before that, free words do not search comments of all tickets. */
    public boolean textReady() {
        return textIndexed.getCount() == 0;
    }

    /** Waits until {@link #textReady()}; false if it took longer than {@code timeout}. */
    public boolean awaitTextReady(Duration timeout) throws InterruptedException {
        return textIndexed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Stats stats() {
        return read(() -> new Stats(
                index.size(),
                index.indexedCount(),
                index.terms().termCount(),
                index.terms().postingCount()));
    }

    /**
     * Called after the search took in changes, with the ids of the changed tickets; with an empty set when the last
     * comments were indexed (results of free words may have grown).
     */
    public void onChange(Consumer<Set<UUID>> listener) {
        listeners.add(listener);
    }

    /**
     * Takes in every change the replica reported so far, reading the changed tickets; when it returns, searches see
     * them. Changes are also taken in on the background executor without this; call it where an answer must be
     * current (off the UI thread: it reads the replica).
     */
    public void refresh() {
        Set<UUID> ids = new HashSet<>();
        updating.lock();
        try {
            for (Iterator<UUID> it = dirty.iterator(); it.hasNext(); ) {
                ids.add(it.next());
                it.remove();
            }
            if (ids.isEmpty() || closed) {
                return;
            }
            List<Ticket> fresh = replica.tickets(ids);
            Map<UUID, String> text = replica.commentText(ids);
            Set<UUID> pending = replica.pendingTicketIds();
            write(() -> {
                index.update(ids, fresh, text);
                index.pending(pending);
            });
        } finally {
            updating.unlock();
        }
        Set<UUID> changed = Set.copyOf(ids);
        listeners.forEach(listener -> listener.accept(changed));
    }

    private void changed(Set<UUID> ids) {
        if (closed) {
            return;
        }
        dirty.addAll(ids);
        if (refreshQueued.compareAndSet(false, true)) {
            later(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    private void indexNextChunk() {
        boolean done;
        updating.lock();
        try {
            if (closed) {
                return;
            }
            List<UUID> ids = index.unindexed(CHUNK);
            Map<UUID, String> text = ids.isEmpty() ? Map.of() : replica.commentText(ids);
            write(() -> index.indexNext(CHUNK, text));
            done = index.fullyIndexed();
        } finally {
            updating.unlock();
        }
        if (!done) {
            later(this::indexNextChunk);
        } else if (textIndexed.getCount() > 0) {
            textIndexed.countDown();
            listeners.forEach(listener -> listener.accept(Set.of()));
        }
    }

    /** Runs work on the background executor; a failure is logged (the replica closing under it, typically). */
    private void later(Runnable work) {
        try {
            background.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    if (!closed) {
                        LOG.warn("ticket search could not take in changes from the replica", e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // The executor is closing with the window; there is nothing left to keep current.
        }
    }

    private <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Stops background work; the search answers no more changes. The replica is the caller's to close. */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.shutdown();
        }
    }
}
