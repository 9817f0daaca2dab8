package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.UUID;

/** Makes {@code parentId} the parent of a ticket; null detaches it. */
public record SetParent(UUID ticketId, UUID parentId) implements Command {

    public SetParent {
        FieldRules.required("ticketId", ticketId);
        if (ticketId.equals(parentId)) {
            throw new ValidationException("parentId", "a ticket cannot be its own parent");
        }
    }
}
