package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.UUID;

/** Unlinks {@code blockerId} as a ticket that must be resolved before {@code ticketId} can start. */
public record UnlinkBlocker(UUID ticketId, UUID blockerId) implements Command {

    public UnlinkBlocker {
        FieldRules.required("ticketId", ticketId);
        FieldRules.required("blockerId", blockerId);
        if (ticketId.equals(blockerId)) {
            throw new ValidationException("blockerId", "a ticket cannot block itself");
        }
    }
}
