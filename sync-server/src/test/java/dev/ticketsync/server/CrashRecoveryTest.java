package dev.ticketsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real server process in the middle of a stream of pushes, then a restart over the same data
 * directory: every mutation it answered "accepted" is there exactly once, re-sending answers "duplicate", the token
 * still works and the audit chain verifies (DESIGN.md §10, issue 3 "Tests").
 */
class CrashRecoveryTest {

    private static final String ADMIN_PASSWORD = "crash-recovery-1";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final int BATCH = 25;
    private static final int ACCEPTED_BEFORE_KILL = 300;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    /** One create_ticket mutation as sent: its number, the ticket it creates, and the batch it went out in. */
    record Sent(long mutationId, UUID ticketId, int batch) {}

    @Test
    void every_accepted_mutation_survives_a_kill_9_exactly_once_and_the_token_stays_valid() throws Exception {
        ChildServer first = ChildServer.start(dataDir);
        ChildServer second = null;
        try {
            String token = login(first.url());
            UUID clientId = UUID.randomUUID();
            List<Sent> sent = new CopyOnWriteArrayList<>();
            Map<Long, Long> acceptedSeq = new ConcurrentHashMap<>();
            AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
            AtomicLong roundTripNanos = new AtomicLong();
            AtomicLong batches = new AtomicLong();
            Thread pusher = new Thread(
                    () -> {
                        try {
                            for (int batch = 0; ; batch++) {
                                long start = System.nanoTime();
                                pushBatch(first.url(), token, clientId, batch, sent, acceptedSeq);
                                roundTripNanos.addAndGet(System.nanoTime() - start);
                                batches.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            stoppedBy.set(e);
                        } catch (InterruptedException e) {
                            stoppedBy.set(e);
                            Thread.currentThread().interrupt();
                        }
                    },
                    "pusher");
            pusher.start();

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> acceptedSeq.size() >= ACCEPTED_BEFORE_KILL);
            // The next push is already on its way. Killing at a random point of it, up to two round trips in, lets
            // runs land before, during and after its commit; correctness must not depend on where.
            Duration offset = Duration.ofNanos(
                    ThreadLocalRandom.current().nextLong(2 * roundTripNanos.get() / Math.max(1, batches.get()) + 1));
            await("the pusher is still pushing when the server is killed")
                    .pollDelay(offset)
                    .atMost(offset.plusSeconds(10))
                    .until(pusher::isAlive);
            first.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !pusher.isAlive());
            pusher.join();
            assertThat(stoppedBy.get())
                    .as("the pusher stops because the connection broke, not on an error answer")
                    .isInstanceOf(IOException.class);

            second = ChildServer.start(dataDir);
            String url = second.url();

            assertThat(get(url, "/api/v1/tickets?limit=1", token).statusCode())
                    .as("the token issued before the crash")
                    .isEqualTo(200);
            Map<Integer, List<Boolean>> unansweredPresence = new TreeMap<>();
            long present = 0;
            for (Sent one : sent) {
                HttpResponse<String> ticket = get(url, "/api/v1/tickets/" + one.ticketId(), token);
                if (acceptedSeq.containsKey(one.mutationId())) {
                    assertThat(ticket.statusCode())
                            .as("accepted mutation %d", one.mutationId())
                            .isEqualTo(200);
                } else {
                    assertThat(ticket.statusCode())
                            .as("mutation %d, answer lost", one.mutationId())
                            .isIn(200, 404);
                    unansweredPresence
                            .computeIfAbsent(one.batch(), batch -> new ArrayList<>())
                            .add(ticket.statusCode() == 200);
                }
                present += ticket.statusCode() == 200 ? 1 : 0;
            }
            assertThat(unansweredPresence.values())
                    .as(
                            "a batch whose answer was lost is all there or all absent (up to 250 mutations commit together)")
                    .allSatisfy(batch -> assertThat(batch).containsOnly(batch.get(0)));
            assertThat(total(url, token))
                    .as("no ticket twice, none from nowhere (%d accepted, %d sent)", acceptedSeq.size(), sent.size())
                    .isEqualTo(present);

            List<JsonNode> again = new ArrayList<>();
            long lastMutationId = 0;
            for (int from = 0; from < sent.size(); from += 1000) {
                Answer answer = push(url, token, clientId, sent.subList(from, Math.min(sent.size(), from + 1000)));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                answer.json().get("results").forEach(again::add);
                lastMutationId = answer.json().get("lastMutationId").asLong();
            }
            for (JsonNode result : again) {
                long mutationId = result.get("mutationId").asLong();
                if (acceptedSeq.containsKey(mutationId)) {
                    assertThat(result.get("status").asText())
                            .as("re-sent %d", mutationId)
                            .isEqualTo("duplicate");
                    assertThat(result.get("outcome").asText()).isEqualTo("accepted");
                    assertThat(result.get("seq").asLong()).isEqualTo(acceptedSeq.get(mutationId));
                } else {
                    assertThat(result.get("status").asText())
                            .as("re-sent %d, answer lost", mutationId)
                            .isIn("duplicate", "accepted");
                }
            }
            assertThat(again).hasSize(sent.size());
            assertThat(lastMutationId).isEqualTo(sent.size());
            assertThat(total(url, token)).as("every sent ticket once").isEqualTo(sent.size());

            JsonNode verify = Json.lenient()
                    .readTree(get(url, "/api/v1/audit/verify", token).body());
            assertThat(verify.get("ok").asBoolean()).as("%s", verify).isTrue();
        } finally {
            first.kill();
            if (second != null) {
                second.kill();
            }
        }
    }

    /** Pushes one batch of new tickets, recording what was sent and what was accepted with its seq. */
    private void pushBatch(
            String url, String token, UUID clientId, int batch, List<Sent> sent, Map<Long, Long> acceptedSeq)
            throws IOException, InterruptedException {
        List<Sent> mutations = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            mutations.add(new Sent(sent.size() + i + 1, UUID.randomUUID(), batch));
        }
        sent.addAll(mutations);
        Answer answer = push(url, token, clientId, mutations);
        if (answer.status() != 200) {
            throw new IllegalStateException("push answered " + answer.status() + ": " + answer.body());
        }
        for (JsonNode result : answer.json().get("results")) {
            if (result.get("status").asText().equals("accepted")) {
                acceptedSeq.put(
                        result.get("mutationId").asLong(), result.get("seq").asLong());
            }
        }
    }

    record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return Json.lenient().readTree(body);
        }
    }

    private Answer push(String url, String token, UUID clientId, List<Sent> mutations)
            throws IOException, InterruptedException {
        ObjectNode body = Json.strict().createObjectNode();
        body.put("clientId", clientId.toString());
        ArrayNode array = body.putArray("mutations");
        for (Sent one : mutations) {
            ObjectNode mutation = array.addObject();
            mutation.put("mutationId", one.mutationId());
            mutation.put("command", "create_ticket");
            mutation.putObject("args")
                    .put("id", one.ticketId().toString())
                    .put("title", "Crash probe " + one.mutationId());
            mutation.put("clientTime", Instant.now().toString());
        }
        HttpResponse<String> response = http.send(
                request(url, "/api/v1/sync/push", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private String login(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request(url, "/api/v1/auth/login", null)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.lenient().readTree(response.body()).get("token").asText();
    }

    private long total(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url, "/api/v1/tickets?limit=1", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.lenient().readTree(response.body()).get("total").asLong();
    }

    private HttpResponse<String> get(String url, String path, String token) throws IOException, InterruptedException {
        return http.send(request(url, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url, String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** {@code java -cp <this test's classpath> ServerMain --port 0 --data-dir DIR} as a child process. */
    private record ChildServer(Process process, String url, List<String> output) {

        static ChildServer start(Path dataDir) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.ticketsync.server.ServerMain",
                            "--port",
                            "0",
                            "--data-dir",
                            dataDir.toString())
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("TICKETSYNC_"));
            builder.environment().put("TICKETSYNC_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process process = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            AtomicReference<String> url = new AtomicReference<>();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader lines = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                                output.add(line);
                                Matcher listening = LISTENING.matcher(line);
                                if (listening.find()) {
                                    url.compareAndSet(null, listening.group(1));
                                }
                            }
                        } catch (IOException closed) {
                            output.add("(output closed: " + closed.getMessage() + ")");
                        }
                    },
                    "server-output");
            reader.setDaemon(true);
            reader.start();
            ChildServer server = new ChildServer(process, null, output);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> url.get() != null || !process.isAlive());
            } finally {
                if (url.get() == null) {
                    server.kill();
                }
            }
            assertThat(url.get())
                    .as("the server's output:%n%s", output.stream().collect(Collectors.joining("\n")))
                    .isNotNull();
            return new ChildServer(process, url.get(), output);
        }

        /** SIGKILL on Linux: no shutdown hook, no flush, no goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
