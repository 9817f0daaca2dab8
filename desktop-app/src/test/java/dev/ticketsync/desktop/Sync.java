package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.MutationStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Drives devices to quiet with {@code syncOnce()} and checks a replica against the server, as the tests need. */
final class Sync {

    private static final int MAX_ROUNDS = 20;

    /**
     * How long to wait for an engine after the server was stopped: a request stranded by the stop may only fail at
     * the client's 60 s read timeout (seen about once in ten runs under load), and the engine moves on only then.
     */
    static final Duration PAST_A_STRANDED_REQUEST = Duration.ofSeconds(100);

    private Sync() {}

    /**
     * Syncs the devices in turn until every outbox is empty, then once more each: after that every device has pulled
     * everything any of them pushed, in a pull that completed.
     */
    static void untilQuiet(TestBackend.Device... devices) throws IOException {
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
    static void assertMatchesServer(TestBackend.Device device, ServerApi server, Collection<UUID> detailed) {
        Replica replica = device.replica();
        String who = replica.me().login() + "'s replica";
        assertThat(replica.pending()).as("%s: outbox", who).isEmpty();
        Map<UUID, Ticket> mine = new TreeMap<>();
        replica.tickets().forEach(ticket -> mine.put(ticket.id(), ticket));
        Map<UUID, Ticket> theirs = server.tickets();
        assertThat(mine.keySet()).as("%s: ticket ids", who).isEqualTo(theirs.keySet());
        for (UUID id : theirs.keySet()) {
            assertThat(mine.get(id)).as("%s: ticket %s", who, id).isEqualTo(theirs.get(id));
        }
        for (UUID id : detailed) {
            assertThat(replica.ticket(id)).as("%s: GET ticket %s", who, id).isEqualTo(server.ticket(id));
            assertThat(replica.comments(id)).as("%s: comments of %s", who, id).isEqualTo(server.comments(id));
            assertThat(replica.watchers(id)).as("%s: watchers of %s", who, id).isEqualTo(server.watchers(id));
            assertThat(replica.history(id).stream().map(AuditEntry::seq).toList())
                    .as("%s: history of %s", who, id)
                    .isEqualTo(server.trail(id));
        }
    }

    /**
     * Asserts no mutation was lost or handled twice: the server handled each one the device made exactly once, and
     * the ones it rejected are exactly the ones in the device's conflict inbox.
     */
    static void assertEveryMutationAcceptedOrInTheInbox(TestBackend.Device device, ServerApi server, Edits edits) {
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
}
