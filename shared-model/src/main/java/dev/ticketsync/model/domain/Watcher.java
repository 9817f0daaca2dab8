package dev.ticketsync.model.domain;

import java.util.UUID;

public record Watcher(UUID ticketId, String user) {

    /** The entity id in the change log: one row per (ticket, user). */
    public String entityId() {
        return ticketId + ":" + user;
    }
}
