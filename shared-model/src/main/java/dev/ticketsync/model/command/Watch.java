package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import java.util.UUID;

/** Watches a ticket for {@code user}, or for the actor when {@code user} is absent. */
public record Watch(UUID ticketId, String user) implements Command {

    public Watch {
        FieldRules.required("ticketId", ticketId);
        user = FieldRules.login("user", user);
    }
}
