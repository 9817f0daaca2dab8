package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random interleavings of two devices' edits, syncs, syncs cut off after a random number of response bytes (lost
 * answers included) and offline spells; then a quiet sync. Both replicas then equal the server, nothing was applied
 * twice, and every mutation made was either accepted or is in its device's conflict inbox. One server for all tries;
 * each try has its own tickets and devices, each device its own {@link TcpProxy}.
 */
class SyncPropertiesTest {

    private static final int TICKETS = 2;

    private static TestBackend backend;
    private static ServerApi server;

    /** One thing that happens, on device 0 (alice) or 1 (bob). */
    sealed interface Step permits Edit, SyncNow, FlakySync, GoOffline, GoOnline {}

    record Edit(int device, Edits.Kind kind, int ticket, int choice) implements Step {}

    record SyncNow(int device) implements Step {}

    /** A sync whose connection is cut once {@code bytes} of answers have come back. */
    record FlakySync(int device, int bytes) implements Step {}

    record GoOffline(int device) implements Step {}

    record GoOnline(int device) implements Step {}

    @BeforeContainer
    static void startServer() {
        backend = TestBackend.start();
        server = ServerApi.as(backend, "carol");
    }

    @AfterContainer
    static void stopServer() {
        backend.close();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Integer> device = Arbitraries.integers().between(0, 1);
        Arbitrary<Step> edit = Combinators.combine(
                        device,
                        kinds(),
                        Arbitraries.integers().between(0, TICKETS - 1),
                        Arbitraries.integers().between(0, 999))
                .as(Edit::new);
        Arbitrary<Step> flaky = Combinators.combine(device, Arbitraries.of(0, 200, 2_000, 20_000))
                .as(FlakySync::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(14, edit),
                        Tuple.of(4, device.map(SyncNow::new)),
                        Tuple.of(3, flaky),
                        Tuple.of(1, device.map(GoOffline::new)),
                        Tuple.of(2, device.map(GoOnline::new)))
                .list()
                .ofMinSize(15)
                .ofMaxSize(60);
    }

    /** Text edits and transitions — the ones that can conflict — come up more often than the rest. */
    private static Arbitrary<Edits.Kind> kinds() {
        return Arbitraries.frequency(
                Tuple.of(3, Edits.Kind.TITLE),
                Tuple.of(3, Edits.Kind.DESCRIPTION),
                Tuple.of(3, Edits.Kind.TRANSITION),
                Tuple.of(2, Edits.Kind.COMMENT),
                Tuple.of(1, Edits.Kind.PRIORITY),
                Tuple.of(1, Edits.Kind.ASSIGN),
                Tuple.of(1, Edits.Kind.TAG),
                Tuple.of(1, Edits.Kind.WATCH),
                Tuple.of(1, Edits.Kind.UNWATCH));
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF)
    void any_interleaving_of_edits_syncs_and_disconnects_converges_with_no_duplicates_and_no_lost_rejections(
            @ForAll("histories") List<Step> history) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TcpProxy[] networks = {TcpProxy.to(backend.port()), TcpProxy.to(backend.port())};
        TestBackend.Device[] devices = {
            backend.deviceVia("alice-" + run, "alice", networks[0].url()),
            backend.deviceVia("bob-" + run, "bob", networks[1].url())
        };
        try {
            Edits[] edits = {new Edits(devices[0].replica()), new Edits(devices[1].replica())};
            List<UUID> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                UUID id = Ids.newId();
                tickets.add(id);
                edits[i % 2].run(CreateTicket.of(id, "Property " + run + " ticket " + i));
            }
            Sync.untilQuiet(devices);

            boolean[] offline = new boolean[2];
            int failedSyncs = 0;
            for (Step step : history) {
                if (step instanceof Edit edit) {
                    edits[edit.device()].make(edit.kind(), tickets.get(edit.ticket()), edit.choice());
                } else if (step instanceof SyncNow sync) {
                    failedSyncs += syncMayFail(devices[sync.device()], offline[sync.device()]);
                } else if (step instanceof FlakySync flaky) {
                    networks[flaky.device()].cutAfterResponseBytes(flaky.bytes());
                    failedSyncs += syncMayFail(devices[flaky.device()], true);
                    if (!offline[flaky.device()]) {
                        networks[flaky.device()].heal();
                    }
                } else if (step instanceof GoOffline off) {
                    offline[off.device()] = true;
                    networks[off.device()].cut();
                } else if (step instanceof GoOnline on) {
                    offline[on.device()] = false;
                    networks[on.device()].heal();
                }
            }
            networks[0].heal();
            networks[1].heal();
            Sync.untilQuiet(devices);

            for (int d = 0; d < 2; d++) {
                Sync.assertMatchesServer(devices[d], server, tickets);
                Sync.assertEveryMutationAcceptedOrInTheInbox(devices[d], server, edits[d]);
            }
            assertEachAcceptedCommentOnceOnTheServer(devices, edits, tickets);
            int rejections = devices[0].replica().conflicts().size()
                    + devices[1].replica().conflicts().size();
            Statistics.label("rejections").collect(rejections == 0 ? "none" : rejections < 3 ? "1-2" : "3+");
            Statistics.label("syncs that failed midway").collect(failedSyncs == 0 ? "none" : "some");
        } finally {
            for (int d = 0; d < 2; d++) {
                devices[d].close();
                networks[d].close();
            }
        }
    }

    /**
     * A sync that may fail because the device is offline or its connection gets cut (a server error still fails the
     * property); 1 if it failed.
     */
    private static int syncMayFail(TestBackend.Device device, boolean mayFail) throws IOException {
        try {
            device.engine().syncOnce();
            return 0;
        } catch (ServerError e) {
            throw e;
        } catch (IOException e) {
            if (!mayFail) {
                throw e;
            }
            return 1;
        }
    }

    private static void assertEachAcceptedCommentOnceOnTheServer(
            TestBackend.Device[] devices, Edits[] edits, List<UUID> tickets) {
        List<UUID> accepted = new ArrayList<>();
        for (int d = 0; d < 2; d++) {
            Set<Long> rejected = devices[d].replica().conflicts().stream()
                    .map(Conflict::mutationId)
                    .collect(Collectors.toSet());
            for (Map.Entry<Long, Command> made : edits[d].made().entrySet()) {
                if (!rejected.contains(made.getKey()) && made.getValue() instanceof AddComment comment) {
                    accepted.add(comment.id());
                }
            }
        }
        List<UUID> onServer = new ArrayList<>();
        tickets.forEach(
                ticket -> server.comments(ticket).stream().map(Comment::id).forEach(onServer::add));
        assertThat(onServer).containsExactlyInAnyOrderElementsOf(accepted);
        Set<String> ids = accepted.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<Object, Long> audited = server.audit().stream()
                .filter(entry -> entry.action() == AuditAction.COMMENT_ADDED)
                .map(entry -> entry.changes().get("commentId").newValue())
                .filter(ids::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(audited)
                .hasSize(ids.size())
                .allSatisfy((id, count) -> assertThat(count)
                        .as("COMMENT_ADDED entries for comment %s", id)
                        .isEqualTo(1L));
    }
}
