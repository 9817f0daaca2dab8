package dev.ticketsync.model.protocol;

/**
 * The answer for one mutation. Accepted: {@code seq} is where its changes committed. Rejected: {@code code} and
 * {@code message}. Duplicate: it was handled before, and {@code outcome} with the original seq or code and message
 * comes back, so a lost answer never loses a rejection.
 */
public record MutationResult(
        long mutationId, MutationStatus status, Long seq, ErrorCode code, String message, MutationStatus outcome) {

    public static MutationResult accepted(long mutationId, long seq) {
        return new MutationResult(mutationId, MutationStatus.ACCEPTED, seq, null, null, null);
    }

    public static MutationResult rejected(long mutationId, ErrorCode code, String message) {
        return new MutationResult(mutationId, MutationStatus.REJECTED, null, code, message, null);
    }

    /** The stored original answer, re-sent as a duplicate. */
    public MutationResult asDuplicate() {
        return new MutationResult(mutationId, MutationStatus.DUPLICATE, seq, code, message, status);
    }

    /** What really happened to the mutation: accepted or rejected, whether first time or as a duplicate. */
    public MutationStatus effectiveStatus() {
        return status == MutationStatus.DUPLICATE ? outcome : status;
    }
}
