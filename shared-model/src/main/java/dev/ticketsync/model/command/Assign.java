package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import java.util.UUID;

/** Assigns a ticket to a user by login; a null assignee unassigns it. */
public record Assign(UUID ticketId, String assignee) implements Command {

    public Assign {
        FieldRules.required("ticketId", ticketId);
        assignee = FieldRules.login("assignee", assignee);
    }
}
