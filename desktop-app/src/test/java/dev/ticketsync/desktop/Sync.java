package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.protocol.MutationStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Drives devices to quiet with {@code syncOnce()} and checks a replica against the server, as the tests need. */
public final class Sync {

    private static final int MAX_ROUNDS = 20;

    /**
     * How long to wait for an engine after the server was stopped: a request stranded by the stop may only fail at
     * the client's 60 s read timeout (seen about once in ten runs under load), and the engine moves on only then.
     */
    public static final Duration PAST_A_STRANDED_REQUEST = Duration.ofSeconds(100);

    private Sync() {}

    /**
     * Syncs the devices in turn until every outbox is empty, then once more each: after that every device has pulled
     * everything any of them pushed, in a pull that completed.
     */
    public static void untilQuiet(TestBackend.Device... devices) throws IOException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            for (TestBackend.Device device : devices) {
                device.engine().syncOnce();
            }
            boolean quiet = true;
            for (TestBackend.Device device : devices) {
                quiet &= device.replica().pending().isEmpty();
            }
            if (quiet) {
                for (TestBackend.Device device : devices) {
                    device.engine().syncOnce();
                }
                return;
            }
        }
        throw new AssertionError("outboxes still not empty after " + MAX_ROUNDS + " sync rounds");
    }

    /**
     * Asserts the replica shows exactly what the server holds: nothing pending, every ticket equal to the server's
     * (REST listing), and for the {@code detailed} tickets also the comment list and ticket as {@code GET
     * /api/v1/tickets/{id}} gives them, the watcher set and the audit trail.
     */
    public static void assertMatchesServer(TestBackend.Device device, ServerApi server, Collection<UUID> detailed) {
        ServerSnapshot.read(server, detailed).assertMatches(device);
    }

    /**
     * Asserts no mutation was lost or handled twice: the server handled each one the device made exactly once, and
     * the ones it rejected are exactly the ones in the device's conflict inbox.
     */
    public static void assertEveryMutationAcceptedOrInTheInbox(
            TestBackend.Device device, ServerApi server, Edits edits) {
        Replica replica = device.replica();
        Map<Long, MutationStatus> outcomes = server.outcomes(replica.clientId());
        assertThat(outcomes.keySet())
                .as("mutations the server handled for %s", replica.me().login())
                .isEqualTo(edits.made().keySet());
        Set<Long> rejected = outcomes.entrySet().stream()
                .filter(outcome -> outcome.getValue() == MutationStatus.REJECTED)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<Long> inbox = replica.conflicts().stream().map(Conflict::mutationId).collect(Collectors.toSet());
        assertThat(inbox).as("%s's conflict inbox", replica.me().login()).isEqualTo(rejected);
        for (Conflict conflict : replica.conflicts()) {
            Command made = edits.made().get(conflict.mutationId());
            assertThat(conflict.command())
                    .as("the user's data in conflict %s", conflict.id())
                    .isEqualTo(made);
            assertThat(conflict.message()).isNotBlank();
        }
    }

    /**
     * Asserts the server applied each mutation it accepted from the device exactly once: the audit entries that carry
     * the device's clientId, in seq order, are exactly the lines its accepted mutations must leave, one per mutation in
     * mutationId order (a device's pushes are handled in that order) — none missing, none twice, none extra. Only a
     * last-writer-wins change that found its value already set may leave none ({@link Edits#mayChangeNothing}).
     * Returns how many entries matched.
     */
    public static int assertEachAcceptedMutationAuditedOnce(
            TestBackend.Device device, List<AuditEntry> audit, Edits edits) {
        UUID clientId = device.replica().clientId();
        Set<Long> rejected =
                device.replica().conflicts().stream().map(Conflict::mutationId).collect(Collectors.toSet());
        List<String> actual = audit.stream()
                .filter(entry -> clientId.equals(entry.clientId()))
                .sorted(Comparator.comparingLong(AuditEntry::seq))
                .map(Edits::actualAudit)
                .toList();
        int next = 0;
        for (Map.Entry<Long, Command> made : edits.made().entrySet()) {
            if (rejected.contains(made.getKey())) {
                continue;
            }
            String expected = Edits.expectedAudit(clientId, made.getValue());
            if (next < actual.size() && actual.get(next).equals(expected)) {
                next++;
            } else if (!Edits.mayChangeNothing(made.getValue())) {
                throw new AssertionError("%s's accepted mutation %d left no audit entry %s in its place; found %s"
                        .formatted(
                                device.replica().me().login(),
                                made.getKey(),
                                expected,
                                next < actual.size() ? actual.get(next) : "no more entries"));
            }
        }
        assertThat(actual.subList(next, actual.size()))
                .as(
                        "audit entries of %s's device no accepted mutation accounts for",
                        device.replica().me().login())
                .isEmpty();
        return next;
    }
}
