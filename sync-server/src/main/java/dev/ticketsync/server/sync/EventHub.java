package dev.ticketsync.server.sync;

import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.Poke;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream (DESIGN.md §5): the head on connect, a poke with the new head after commits — coalesced, so a
 * burst of commits sends one poke per stream — and a heartbeat every 15 s. Streams are async: no thread each.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final long HEARTBEAT_SECONDS = 15;

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-hub");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong latestHead = new AtomicLong();
    private final AtomicBoolean pokeQueued = new AtomicBoolean();
    private final LongSupplier currentHead;
    private final Object opening = new Object();
    private boolean closed;

    /** One open stream and whose it is (the admin console shows who is connected). */
    public record Stream(SseClient client, String user, String clientId) {}

    public EventHub(LongSupplier currentHead) {
        this.currentHead = currentHead;
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    public void open(SseClient client, String user, String clientId) {
        Stream stream = new Stream(client, user, clientId);
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        if (!dropWhenItsRequestEnds(stream)) {
            return;
        }
        boolean added;
        synchronized (opening) {
            added = !closed && streams.add(stream);
        }
        if (!added) {
            // Opened while the server stops: end it now, or Jetty's stop would wait for it in vain.
            client.close();
            return;
        }
        send(stream, "poke", new Poke(currentHead.getAsLong()));
    }

    /**
     * Jetty may end a stream's request itself — its connection failed, or sat idle past the timeout — without telling
     * the SSE client. Such a stream leaves the hub at once and is never written or closed again: either would resume
     * Javalin's pipeline on a request Jetty has recycled, which loops forever on the errors that raises (seen as a
     * server that never finished stopping). False when the request has already ended.
     */
    private boolean dropWhenItsRequestEnds(Stream stream) {
        AsyncListener drop = new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                streams.remove(stream);
            }

            @Override
            public void onError(AsyncEvent event) {
                streams.remove(stream);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // Javalin answers the timeout and completes the request; onComplete follows.
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // Not restarted.
            }
        };
        try {
            stream.client().ctx().req().getAsyncContext().addListener(drop);
            return true;
        } catch (IllegalStateException alreadyEnded) {
            LOG.debug("event stream of {} ended before it opened", stream.user());
            return false;
        }
    }

    /** Called after each commit; many commits in a row become one poke per stream. */
    public void committed(long head) {
        latestHead.accumulateAndGet(head, Math::max);
        if (pokeQueued.compareAndSet(false, true)) {
            try {
                sender.execute(() -> {
                    pokeQueued.set(false);
                    Poke poke = new Poke(latestHead.get());
                    streams.forEach(stream -> send(stream, "poke", poke));
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // The hub is closed (shutting down): there is no stream left to poke.
            }
        }
    }

    public Set<Stream> streams() {
        return Set.copyOf(streams);
    }

    private void heartbeat() {
        Poke poke = new Poke(Math.max(latestHead.get(), currentHead.getAsLong()));
        streams.forEach(stream -> send(stream, "heartbeat", poke));
    }

    private void send(Stream stream, String event, Poke poke) {
        try {
            if (stream.client().terminated()) {
                streams.remove(stream);
                return;
            }
            stream.client().sendEvent(event, Json.strict().writeValueAsString(poke));
        } catch (Exception e) {
            LOG.debug("dropping event stream of {}: {}", stream.user(), e.toString());
            streams.remove(stream);
            stream.client().close();
        }
    }

    @Override
    public void close() {
        synchronized (opening) {
            closed = true;
        }
        sender.shutdownNow();
        streams.forEach(stream -> stream.client().close());
        streams.clear();
    }
}
