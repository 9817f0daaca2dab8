package dev.ticketsync.model.command;

import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.validation.FieldRules;
import java.util.UUID;

/** Adds a comment (public by default); comments are commutative and allowed on closed tickets too. */
public record AddComment(UUID id, UUID ticketId, String body, Visibility visibility) implements Command {

    public AddComment {
        FieldRules.required("id", id);
        FieldRules.required("ticketId", ticketId);
        body = FieldRules.nonBlankText("body", body);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }
}
