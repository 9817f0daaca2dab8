package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.List;
import java.util.UUID;

/** Adds tags; commutative with every other tag change, so it never conflicts. */
public record AddTags(UUID ticketId, List<String> tags) implements Command {

    public AddTags {
        FieldRules.required("ticketId", ticketId);
        tags = FieldRules.tags("tags", tags);
        if (tags.isEmpty()) {
            throw new ValidationException("tags", "must name at least one tag to add");
        }
    }
}
