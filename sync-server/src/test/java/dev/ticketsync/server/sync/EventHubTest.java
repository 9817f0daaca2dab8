package dev.ticketsync.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ticketsync.server.http.HttpErrors;
import io.javalin.Javalin;
import io.javalin.http.sse.SseHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's streams when Jetty ends a stream's request on its own — the device's connection failed, or sat idle past
 * the timeout — without telling Javalin's SSE client. Seen as a desktop test whose server never finished stopping:
 * closing such a stream resumed Javalin's pipeline on a request Jetty had already recycled, which looped forever on the
 * errors that raised (a heartbeat written to it went the same way on the hub's own thread).
 */
class EventHubTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private EventHub hub;
    private Javalin app;

    @BeforeEach
    void start() {
        hub = new EventHub(() -> 7L);
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    HttpErrors.register(config.routes);
                    config.routes.get("/events", new SseHandler(client -> hub.open(client, "alice", null)));
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        hub.close();
        app.stop();
    }

    @Test
    void a_stream_whose_request_jetty_ended_is_dropped_and_closing_the_hub_returns_at_once() throws IOException {
        try (Socket device = openStream();
                BufferedReader events = reader(device)) {
            assertThat(nextPoke(events)).isEqualTo("{\"head\":7}");
            assertThat(hub.streams()).hasSize(1);
            EventHub.Stream stream = hub.streams().iterator().next();

            // What Jetty does itself when a stream's connection fails or times out: it ends the request.
            stream.client().ctx().req().getAsyncContext().complete();

            await().atMost(PATIENCE).until(() -> hub.streams().isEmpty());
            hub.committed(8);
            assertTimeoutPreemptively(PATIENCE, hub::close, "closing the hub");
        }
    }

    @Test
    void a_live_stream_still_gets_pokes_and_is_ended_when_the_hub_closes() throws IOException {
        try (Socket device = openStream();
                BufferedReader events = reader(device)) {
            assertThat(nextPoke(events)).isEqualTo("{\"head\":7}");
            hub.committed(9);
            assertThat(nextPoke(events)).isEqualTo("{\"head\":9}");

            assertTimeoutPreemptively(PATIENCE, hub::close, "closing the hub");

            await().atMost(PATIENCE).until(() -> endOfStream(events));
        }
    }

    @Test
    void a_stream_that_opens_after_the_hub_closed_is_ended_at_once_so_the_server_can_stop() throws IOException {
        hub.close();

        try (Socket device = openStream();
                BufferedReader events = reader(device)) {
            assertThat(endOfStream(events)).as("the stream ended").isTrue();
        }
        assertThat(hub.streams()).isEmpty();
    }

    private Socket openStream() throws IOException {
        Socket socket = new Socket("127.0.0.1", app.port());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        socket.getOutputStream()
                .write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The data of the next poke event on the stream. */
    private static String nextPoke(BufferedReader events) throws IOException {
        String line;
        boolean poke = false;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("event:")) {
                poke = line.substring(6).strip().equals("poke");
            } else if (poke && line.startsWith("data:")) {
                return line.substring(5).strip();
            }
        }
        throw new AssertionError("the stream ended before a poke");
    }

    private static boolean endOfStream(BufferedReader events) throws IOException {
        String line;
        while ((line = events.readLine()) != null) {
            // Whatever is still on the way (the last chunk's end) before the server closes the stream.
        }
        return true;
    }
}
