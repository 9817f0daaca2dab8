package dev.ticketsync.server.command;

import java.util.UUID;

/** Where a write came from, for the audit log: the device (if any) and the client's address. */
public record Origin(UUID clientId, String ip) {

    public static Origin server() {
        return new Origin(null, null);
    }
}
