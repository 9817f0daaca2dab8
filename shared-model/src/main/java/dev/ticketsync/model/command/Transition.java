package dev.ticketsync.model.command;

import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.validation.FieldRules;
import java.util.UUID;

/** Moves a ticket to another status; RESOLVED needs a resolution and CANCELLED a reason (the workflow's guards). */
public record Transition(UUID ticketId, Status to, String resolution, String reason) implements Command {

    public Transition {
        FieldRules.required("ticketId", ticketId);
        FieldRules.required("to", to);
        resolution = FieldRules.text("resolution", resolution);
        reason = FieldRules.text("reason", reason);
    }

    public static Transition to(UUID ticketId, Status to) {
        return new Transition(ticketId, to, null, null);
    }
}
