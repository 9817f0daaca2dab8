package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.pull;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live event stream (DESIGN.md §5): the head on connect, then a poke with the new head after commits. */
class EventStreamTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static TestServer server;
    private static TestServer.Client alice;
    private static TestServer.Client bob;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
        bob = server.as("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One open stream, read line by line as the lines arrive, without a thread of its own. */
    private static final class Stream implements Flow.Subscriber<String>, AutoCloseable {
        final AtomicInteger status = new AtomicInteger();
        final AtomicReference<String> contentType = new AtomicReference<>();
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile Flow.Subscription subscription;
        volatile boolean ended;

        static Stream open(TestServer target, String token) {
            Stream stream = new Stream();
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url("/api/v1/sync/events")))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream")
                    .build();
            HTTP.sendAsync(request, info -> {
                stream.status.set(info.statusCode());
                stream.contentType.set(info.headers().firstValue("Content-Type").orElse(""));
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
            });
            return stream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }

        /** The heads of the {@code poke} events so far, in arrival order. */
        List<Long> pokes() {
            List<Long> heads = new ArrayList<>();
            String event = "message";
            for (String line : lines) {
                if (line.isEmpty()) {
                    event = "message";
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && event.equals("poke")) {
                    heads.add(head(line.substring(5).strip()));
                }
            }
            return heads;
        }

        long firstPoke() {
            await().atMost(PATIENCE).until(() -> !pokes().isEmpty());
            return pokes().get(0);
        }

        @Override
        public void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }

        private static long head(String data) {
            try {
                JsonNode poke = Json.lenient().readTree(data);
                assertThat(poke.fieldNames()).toIterable().containsExactly("head");
                return poke.get("head").asLong();
            } catch (IOException e) {
                throw new UncheckedIOException("poke data is not JSON: " + data, e);
            }
        }
    }

    private static long currentHead() {
        return pull(bob, UUID.randomUUID(), 0, 1).head();
    }

    private static long alicePushesATicket() {
        return push(alice, UUID.randomUUID(), List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Poke probe"))))
                .results()
                .get(0)
                .seq();
    }

    @Test
    void a_stream_gets_the_current_head_as_a_poke_right_on_connect() {
        alicePushesATicket();
        long head = currentHead();

        try (Stream stream = Stream.open(server, bob.token())) {
            assertThat(stream.firstPoke()).isEqualTo(head);
            assertThat(stream.status.get()).isEqualTo(200);
            assertThat(stream.contentType.get()).startsWith("text/event-stream");
        }
    }

    @Test
    void another_users_push_pokes_the_stream_with_a_higher_head() {
        try (Stream stream = Stream.open(server, bob.token())) {
            long onConnect = stream.firstPoke();

            long seq = alicePushesATicket();

            assertThat(seq).isGreaterThan(onConnect);
            await().atMost(PATIENCE).until(() -> stream.pokes().stream().anyMatch(head -> head >= seq));
            assertThat(stream.pokes()).isSorted();
        }
    }

    @Test
    void a_rest_write_pokes_open_streams_too() {
        try (Stream stream = Stream.open(server, bob.token())) {
            long onConnect = stream.firstPoke();

            TestServer.Response created = alice.post("/api/v1/tickets", "{\"title\":\"Created over REST\"}");

            assertThat(created.status()).isEqualTo(201);
            await().atMost(PATIENCE).until(() -> stream.pokes().stream().anyMatch(head -> head > onConnect));
        }
    }

    @Test
    void many_open_streams_all_get_the_poke() {
        List<Stream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                streams.add(Stream.open(server, (i % 2 == 0 ? alice : bob).token()));
            }
            await().atMost(PATIENCE)
                    .until(() -> streams.stream().allMatch(s -> !s.pokes().isEmpty()));

            long seq = alicePushesATicket();

            await().atMost(PATIENCE)
                    .until(() ->
                            streams.stream().allMatch(s -> s.pokes().stream().anyMatch(head -> head >= seq)));
        } finally {
            streams.forEach(Stream::close);
        }
    }

    @Test
    void without_a_token_the_stream_is_refused_with_a_json_401() {
        TestServer.Response anonymous = server.anonymous().get("/api/v1/sync/events");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
        try (Stream forged = Stream.open(server, "not-a-real-token")) {
            await().atMost(PATIENCE).until(() -> forged.status.get() != 0);
            assertThat(forged.status.get()).isEqualTo(401);
            assertThat(forged.pokes()).isEmpty();
        }
    }

    @Test
    void stopping_the_server_ends_open_streams() {
        TestServer own = TestServer.start();
        try (Stream stream = Stream.open(own, own.as("alice").token())) {
            stream.firstPoke();

            own.close();

            await().atMost(PATIENCE).until(() -> stream.ended);
        }
    }
}
