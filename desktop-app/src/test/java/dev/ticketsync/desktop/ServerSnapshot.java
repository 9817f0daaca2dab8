package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ticket;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the server holds, read once over its REST API (and, for watchers, its database), to compare any number of
 * replicas against: every ticket, and for the detailed ones their comments, watchers and audit trail.
 */
public final class ServerSnapshot {

    /** One ticket as {@code GET /api/v1/tickets/{id}} gives it, with its watchers and the seqs of its audit trail. */
    private record Detail(Ticket ticket, List<Comment> comments, Set<String> watchers, List<Long> trail) {}

    private final Map<UUID, Ticket> tickets;
    private final Map<UUID, Detail> details = new TreeMap<>();

    private ServerSnapshot(Map<UUID, Ticket> tickets) {
        this.tickets = tickets;
    }

    public static ServerSnapshot read(ServerApi server, Collection<UUID> detailed) {
        ServerSnapshot snapshot = new ServerSnapshot(server.tickets());
        for (UUID id : detailed) {
            snapshot.details.put(
                    id,
                    new Detail(
                            server.ticket(id).orElse(null),
                            server.comments(id),
                            server.watchers(id),
                            server.trail(id)));
        }
        return snapshot;
    }

    public Map<UUID, Ticket> tickets() {
        return tickets;
    }

    /** How many comments the detailed tickets hold. */
    public long comments() {
        return details.values().stream().mapToLong(d -> d.comments().size()).sum();
    }

    /**
     * Asserts the replica shows exactly this: nothing pending, the same tickets, and for the detailed ones the same
     * ticket, comments, watchers and history.
     */
    public void assertMatches(TestBackend.Device device) {
        Replica replica = device.replica();
        String who = replica.me().login() + "'s replica " + replica.clientId();
        assertThat(replica.pending()).as("%s: outbox", who).isEmpty();
        Map<UUID, Ticket> mine = new TreeMap<>();
        replica.tickets().forEach(ticket -> mine.put(ticket.id(), ticket));
        assertThat(mine.keySet()).as("%s: ticket ids", who).isEqualTo(tickets.keySet());
        for (UUID id : tickets.keySet()) {
            assertThat(mine.get(id)).as("%s: ticket %s", who, id).isEqualTo(tickets.get(id));
        }
        details.forEach((id, theirs) -> {
            assertThat(replica.ticket(id).orElse(null))
                    .as("%s: GET ticket %s", who, id)
                    .isEqualTo(theirs.ticket());
            assertThat(replica.comments(id)).as("%s: comments of %s", who, id).isEqualTo(theirs.comments());
            assertThat(replica.watchers(id)).as("%s: watchers of %s", who, id).isEqualTo(theirs.watchers());
            assertThat(replica.history(id).stream().map(AuditEntry::seq).toList())
                    .as("%s: history of %s", who, id)
                    .isEqualTo(theirs.trail());
        });
    }
}
