package dev.ticketsync.desktop.sync;

import java.io.IOException;

/** No answer from the server at all: it names the host and says why, so a person can tell a typo from an outage. */
public final class ServerUnreachable extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the server could not be reached. */
    public enum Reason {
        /** The name does not resolve (a typo, or no DNS offline). */
        UNKNOWN_HOST,
        /** The machine answered, nothing listens on the port. */
        REFUSED,
        /** No answer in time (a firewall, a dead network). */
        TIMEOUT,
        /** The secure connection failed (no HTTPS there, or a certificate this machine does not trust). */
        TLS,
        /** A gateway answered for the server: it is down or restarting behind it. */
        UNAVAILABLE,
        OTHER
    }

    private final String host;
    private final Reason reason;

    public ServerUnreachable(String host, Reason reason, String detail, Throwable cause) {
        super(host + ": " + reason + (detail == null ? "" : " (" + detail + ")"), cause);
        this.host = host;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public Reason reason() {
        return reason;
    }
}
