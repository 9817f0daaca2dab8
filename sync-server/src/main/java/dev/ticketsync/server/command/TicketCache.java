package dev.ticketsync.server.command;

import dev.ticketsync.model.domain.Ticket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Recently written tickets as they were committed, so the write path need not read and parse a ticket's JSON from the
 * change log again for each command on it (that read was an eighth of a pushed edit's cost). Only the one writer fills
 * it, after a commit, from the tickets the transaction finally wrote — a rolled-back write never reaches it — so an
 * entry is always the committed ticket. That holds only where this process is the only writer: on H2, one instance by
 * construction; on PostgreSQL, where other instances write too, there is no cache.
 */
final class TicketCache {

    static final int CAPACITY = 20_000;

    // Least recently used first; guarded by this.
    private final Map<UUID, Ticket> tickets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Ticket> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Ticket get(UUID id) {
        return tickets.get(id);
    }

    /** The tickets a transaction wrote, once it has committed; a null value drops a ticket whose version is unknown. */
    synchronized void committed(Map<UUID, Ticket> written) {
        for (Map.Entry<UUID, Ticket> ticket : written.entrySet()) {
            if (ticket.getValue() == null) {
                tickets.remove(ticket.getKey());
            } else {
                tickets.put(ticket.getKey(), ticket.getValue());
            }
        }
    }
}
