package dev.ticketsync.desktop.replica;

/** The local replica could not be read or written (disk full, file locked): the change did not happen. */
public final class ReplicaException extends RuntimeException {

    public ReplicaException(String message, Throwable cause) {
        super(message, cause);
    }
}
