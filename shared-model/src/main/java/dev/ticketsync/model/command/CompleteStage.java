package dev.ticketsync.model.command;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.UUID;

/**
 * Marks the next stage of a ticket's plan complete, optionally with a stage report (a comment of kind stage_report,
 * which then needs its own {@code commentId}).
 */
public record CompleteStage(UUID ticketId, Integer stage, UUID commentId, String report) implements Command {

    public CompleteStage {
        FieldRules.required("ticketId", ticketId);
        FieldRules.required("stage", stage);
        if (stage < 0) {
            throw new ValidationException("stage", "must be 0 or more");
        }
        report = FieldRules.text("report", report);
        if (report != null && commentId == null) {
            throw new ValidationException("commentId", "is required with a report");
        }
    }
}
