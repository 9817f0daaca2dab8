package dev.ticketsync.desktop.chaos;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.desktop.ServerApi;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.server.command.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §10, at scale: 20 devices (five users, agents and leads) edit, comment and move shared tickets, offline and
 * online, while their networks fail and slow down and the server — a separate JVM on an H2 file — is killed with
 * {@code kill -9} and restarted at random moments. Then everything heals, every device syncs until quiet, and the run
 * proves what users rely on ({@link ChaosVerdict}). Tagged {@code chaos}: only {@code mvn -Pchaos} runs it.
 */
@Tag("chaos")
class ChaosTest {

    private static final int SEEDED_TICKETS = 40;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** The users — alice, bob and dave are agents, carol and lena leads; the devices go round them. */
    private static final List<String> USERS = List.of("alice", "carol", "bob", "dave", "lena");

    @Test
    void twenty_devices_converge_and_lose_nothing_while_networks_fail_and_the_server_is_killed() throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        System.out.printf("ChaosTest: seed %d (replay with %s)%n", settings.seed(), settings.replay());
        ChaosFigures figures = new ChaosFigures(settings);
        try (TestBackend backend = TestBackend.start()) {
            backend.server()
                    .users()
                    .create("admin", "dave", "Dave Agent", Role.AGENT, TestBackend.PASSWORD, Origin.server());
            backend.server()
                    .users()
                    .create("admin", "lena", "Lena Lead", Role.LEAD, TestBackend.PASSWORD, Origin.server());
            ServerApi.seed(
                    backend,
                    "carol",
                    IntStream.range(0, SEEDED_TICKETS)
                            .mapToObj(i -> CreateTicket.of(Ids.newId(), "Shared ticket " + i))
                            .toList());
            backend.stopServer();

            Path log = Files.createTempFile("ticketsync-chaos-server", ".log");
            System.out.println("ChaosTest: the server's log is " + log + " (deleted after a green run)");
            List<ChaosDevice> devices = new ArrayList<>();
            try (ServerProcess server = new ServerProcess(backend.serverDir(), backend.port(), log)) {
                server.start();
                server.awaitListening(PATIENCE);
                devices.addAll(openDevices(backend, settings.devices()));
                await().atMost(PATIENCE)
                        .until(() -> devices.stream()
                                .allMatch(d -> d.device().replica().ticketCount() == SEEDED_TICKETS));

                ChaosRun run = new ChaosRun(settings, server, devices);
                figures.chaosStarted();
                run.run();
                run.heal();
                figures.chaosEnded(run, server, devices);
                untilQuiet(ServerApi.as(backend, "carol"), devices);
                figures.quiet();
                devices.forEach(device -> device.device().engine().stop());

                // One last kill -9: what the devices were told is durable must be on disk.
                server.kill();
                figures.serverKilledAtTheEnd(server);
            } finally {
                devices.forEach(ChaosDevice::close);
            }

            backend.restartServer();
            ChaosVerdict verdict = ChaosVerdict.check(ServerApi.as(backend, "carol"), devices);
            figures.verified(verdict);
            figures.print();
            verdict.assertEverythingHeld();
            figures.assertTheChaosHappened();
            Files.deleteIfExists(log);
        }
    }

    /** Opens the devices a few at a time (each signs in and creates its replica), going round the users. */
    private static List<ChaosDevice> openDevices(TestBackend backend, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ChaosDevice>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String login = USERS.get(i % USERS.size());
                String name = login + "-device-" + i;
                opening.add(pool.submit(() -> ChaosDevice.open(backend, name, login, USERS)));
            }
            List<ChaosDevice> devices = new ArrayList<>();
            for (Future<ChaosDevice> device : opening) {
                devices.add(device.get());
            }
            return devices;
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until every device has pushed everything and pulled up to the server's head. */
    private static void untilQuiet(ServerApi server, List<ChaosDevice> devices) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
                long head = head(server);
                return devices.stream().allMatch(device -> isQuiet(device, head));
            });
        } catch (ConditionTimeoutException timeout) {
            long head = head(server);
            for (ChaosDevice device : devices) {
                if (!isQuiet(device, head)) {
                    printUnsettled(device, head);
                }
            }
            throw timeout;
        }
    }

    /** Why a device did not settle: its sync state, what its outbox holds, what its inbox holds. */
    private static void printUnsettled(ChaosDevice chaosDevice, long head) {
        Replica replica = chaosDevice.device().replica();
        System.out.printf(
                "ChaosTest: %s not quiet: head %d, cursor %d, %s%n",
                chaosDevice.name(),
                head,
                replica.cursor(),
                chaosDevice.device().engine().status());
        replica.pending()
                .forEach(m -> System.out.printf(
                        "  pending %d acked=%s attempts=%d %s%n",
                        m.mutationId(), m.acked(), m.attempts(), m.command().name()));
        replica.conflicts()
                .forEach(c -> System.out.printf(
                        "  conflict %d %s %s at %s%n", c.mutationId(), c.code(), c.message(), c.createdAt()));
    }

    private static long head(ServerApi server) {
        JsonNode stats = server.ok("/api/v1/admin/stats");
        return stats.get("head").asLong();
    }

    private static boolean isQuiet(ChaosDevice chaosDevice, long head) {
        TestBackend.Device device = chaosDevice.device();
        return device.replica().pending().isEmpty()
                && device.replica().cursor() == head
                && device.engine().status().state() == SyncState.SYNCED;
    }
}
