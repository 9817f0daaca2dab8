package dev.ticketsync.server.store;

/** The database failed under a write or read: a server fault (5xx), never the client's. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
