package dev.ticketsync.desktop.sync;

import java.io.IOException;

/** Something answered at the address, but not a TicketSync server (its {@code /health} is missing or foreign). */
public final class NotTicketSyncServer extends IOException {

    private static final long serialVersionUID = 1L;

    private final String host;

    public NotTicketSyncServer(String host, String seen) {
        super(seen);
        this.host = host;
    }

    public String host() {
        return host;
    }

    /** What was seen instead, e.g. "GET /health answered HTTP 404". */
    public String seen() {
        return getMessage();
    }
}
