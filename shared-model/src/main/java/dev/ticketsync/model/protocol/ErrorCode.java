package dev.ticketsync.model.protocol;

/**
 * Stable codes for every failure a client can meet, UPPER_SNAKE on the wire. The first group is what the workflow
 * rejects a command with; the rest come from the HTTP layer.
 */
public enum ErrorCode {
    VALIDATION,
    FORBIDDEN,
    NOT_FOUND,
    ILLEGAL_TRANSITION,
    GUARD_FAILED,
    TERMINAL,
    CONFLICT,

    UNAUTHORIZED,
    MUTATION_GAP,
    STALE_VERSION,
    PAYLOAD_TOO_LARGE,
    THROTTLED,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    UNAVAILABLE,
    SERVER_ERROR
}
