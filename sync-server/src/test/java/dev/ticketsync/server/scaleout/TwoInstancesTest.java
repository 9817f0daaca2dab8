package dev.ticketsync.server.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.server.TestDatabases;
import dev.ticketsync.server.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances over one PostgreSQL (DESIGN.md §7): writes through both stay one serialized history (the
 * advisory lock), a puller on one sees every change made through either, and pokes cross instances (LISTEN/NOTIFY).
 */
class TwoInstancesTest {

    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgres(), "needs PostgreSQL (-Dticketsync.test.db=postgres)");
        Path dataDir = Files.createTempDirectory("ticketsync-two");
        first = TestServer.start(dataDir);
        second = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void concurrent_writers_on_both_instances_and_a_puller_on_one_see_every_change() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int device = 0; device < 8; device++) {
            TestServer target = device % 2 == 0 ? first : second;
            TestServer.Client client = target.as(device % 4 < 2 ? "alice" : "bob");
            writers.add(pool.submit(() -> push(client, accepted)));
        }
        TestServer.Client puller = first.as("carol");
        UUID pullerId = UUID.randomUUID();
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        boolean writing = true;
        while (writing) {
            writing = writers.stream().anyMatch(f -> !f.isDone());
            JsonNode page;
            do {
                page = puller.get("/api/v1/sync/pull?clientId=" + pullerId + "&cursor=" + cursor + "&limit=50")
                        .json();
                long next = page.get("cursor").asLong();
                assertThat(next).isGreaterThanOrEqualTo(cursor);
                cursor = next;
                page.get("changes").forEach(change -> {
                    if (change.get("entity").asText().equals("ticket")) {
                        seen.add(change.get("id").asText());
                    }
                });
            } while (page.get("hasMore").asBoolean());
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(accepted).hasSize(8 * 10 * 5);
        assertThat(seen).containsAll(accepted);
        assertThat(first.as("carol")
                        .get("/api/v1/audit/verify")
                        .json()
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_write_through_one_instance_pokes_streams_on_the_other() throws Exception {
        AtomicLong lastHead = new AtomicLong(-1);
        TestServer.Client bob = second.as("bob");
        Thread reader = new Thread(() -> readEvents(second.url("/api/v1/sync/events"), bob.token(), lastHead));
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lastHead.get() >= 0);
        long before = lastHead.get();
        first.as("alice").post("/api/v1/tickets", "{\"title\":\"Poke across instances\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> lastHead.get() > before);
    }

    private static void push(TestServer.Client client, Set<String> accepted) {
        UUID clientId = UUID.randomUUID();
        long mutationId = 0;
        for (int batch = 0; batch < 10; batch++) {
            StringBuilder body = new StringBuilder("{\"clientId\":\"" + clientId + "\",\"mutations\":[");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                body.append(i == 0 ? "" : ",")
                        .append("{\"mutationId\":")
                        .append(++mutationId)
                        .append(",\"command\":\"create_ticket\",\"args\":{\"id\":\"")
                        .append(id)
                        .append("\",\"title\":\"Scale-out probe\"}}");
            }
            JsonNode result = client.post("/api/v1/sync/push", body.append("]}").toString())
                    .json();
            for (int i = 0; i < 5; i++) {
                if (result.get("results").get(i).get("status").asText().equals("accepted")) {
                    accepted.add(ids.get(i));
                }
            }
        }
    }

    private static void readEvents(String url, String token, AtomicLong lastHead) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Accept", "text/event-stream");
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        String json = line.substring(5).strip();
                        lastHead.set(Long.parseLong(json.replaceAll("\\D", "")));
                    }
                }
            }
        } catch (java.io.IOException e) {
            // The stream ends when the server stops.
        }
    }
}
