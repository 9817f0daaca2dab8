package dev.ticketsync.desktop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.PendingMutation;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.model.domain.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local change whose {@code execute()} returned survives the process being killed with SIGKILL at any moment: after
 * a restart it is in the replica, pending, and after a sync it is on the server exactly once. The writer is a child
 * JVM ({@link CrashWriter}); each run kills it at a random point, in a fresh directory.
 */
class CrashSafetyTest {

    private static final int KILLED = 137;

    private static TestBackend backend;
    private static ServerApi server;

    @BeforeAll
    static void startServer() {
        backend = TestBackend.start();
        server = ServerApi.as(backend, "carol");
    }

    @AfterAll
    static void stopServer() {
        backend.close();
    }

    @RepeatedTest(value = 10, name = "{displayName} (run {currentRepetition} of {totalRepetitions})")
    void every_change_whose_execute_returned_before_a_kill_minus_9_is_kept_and_reaches_the_server_exactly_once(
            @TempDir Path dir) throws Exception {
        Killed run = killWriter(dir, false);

        try (Replica replica = Replica.open(run.data(), backend.url(), "alice", Role.AGENT, Clock.systemUTC())) {
            List<UUID> queued = replica.pending().stream()
                    .map(PendingMutation::command)
                    .map(command -> command.ticketId())
                    .toList();
            assertThat(queued).doesNotHaveDuplicates().containsAll(run.done());
            assertThat(queued.size())
                    .as("at most the one change in flight at the kill was kept without its line")
                    .isLessThanOrEqualTo(run.done().size() + 1);
            assertThat(replica.pendingTicketIds()).containsAll(run.done());
            for (UUID id : run.done()) {
                assertThat(replica.ticket(id))
                        .as("ticket %s after the restart", id)
                        .isPresent();
            }

            syncOnce(replica);

            assertThat(server.count(run.tag()))
                    .as("tickets of this run on the server")
                    .isEqualTo(queued.size());
            assertOnTheServerOnce(replica, run);
        }
    }

    @RepeatedTest(value = 3, name = "{displayName} (run {currentRepetition} of {totalRepetitions})")
    void every_change_whose_execute_returned_before_a_kill_minus_9_in_the_middle_of_a_sync_reaches_the_server_once(
            @TempDir Path dir) throws Exception {
        Killed run = killWriter(dir, true);

        try (Replica replica = Replica.open(run.data(), backend.url(), "alice", Role.AGENT, Clock.systemUTC())) {
            for (UUID id : run.done()) {
                assertThat(replica.ticket(id))
                        .as("ticket %s after the restart", id)
                        .isPresent();
            }
            assertThat(replica.pending().stream()
                            .map(mutation -> mutation.command().ticketId()))
                    .doesNotHaveDuplicates();

            syncOnce(replica);

            long onServer = server.count(run.tag());
            assertThat(onServer).isBetween((long) run.done().size(), run.done().size() + 1L);
            assertThat(replica.tickets().stream()
                            .filter(ticket -> ticket.title().startsWith(run.tag())))
                    .hasSize((int) onServer);
            assertOnTheServerOnce(replica, run);
        }
    }

    /** What a killed writer left: its replica directory, the tag in its titles, and the ids it printed as done. */
    private record Killed(Path data, String tag, List<UUID> done) {}

    private static Killed killWriter(Path dir, boolean syncing) throws Exception {
        Random random = new Random();
        int killAfter = 1 + random.nextInt(50);
        String tag = "crash" + UUID.randomUUID().toString().substring(0, 8);
        Path data = dir.resolve("replica");
        Path errors = dir.resolve("child.err");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        data.toString(),
                        backend.url(),
                        tag,
                        syncing ? "sync" : "offline")
                .redirectError(errors.toFile())
                .start();
        List<UUID> done = new ArrayList<>();
        try (BufferedReader out = child.inputReader(UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("done ")) {
                    done.add(UUID.fromString(line.substring("done ".length())));
                    if (done.size() == killAfter) {
                        LockSupport.parkNanos(random.nextInt(3_000_000));
                        // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves the pipe open, so
                        // the lines printed before the kill can still be read.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as("killed, stderr: %s", Files.readString(errors))
                .isEqualTo(KILLED);
        assertThat(done).hasSizeGreaterThanOrEqualTo(killAfter);
        return new Killed(data, tag, done);
    }

    private static void syncOnce(Replica replica) throws IOException {
        SyncClient client = new SyncClient(backend.url(), null);
        client.login("alice", TestBackend.PASSWORD);
        SyncEngine engine = new SyncEngine(replica, client);
        engine.syncOnce();
        engine.close();
        assertThat(replica.pending()).isEmpty();
        assertThat(replica.conflicts()).isEmpty();
    }

    private static void assertOnTheServerOnce(Replica replica, Killed run) {
        for (UUID id : run.done()) {
            assertThat(server.ticket(id)).as("ticket %s on the server", id).isPresent();
            assertThat(replica.ticket(id).orElseThrow().key()).isNotNull();
        }
    }
}
