package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import java.util.UUID;

/** Stops watching a ticket for {@code user}, or for the actor when {@code user} is absent. */
public record Unwatch(UUID ticketId, String user) implements Command {

    public Unwatch {
        FieldRules.required("ticketId", ticketId);
        user = FieldRules.login("user", user);
    }
}
