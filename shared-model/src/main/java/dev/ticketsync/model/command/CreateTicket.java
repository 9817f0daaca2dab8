package dev.ticketsync.model.command;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.util.List;
import java.util.UUID;

/** Creates a ticket with a client-chosen id, so it can be created offline and referenced before the server has it. */
public record CreateTicket(
        UUID id,
        String title,
        String description,
        Priority priority,
        TicketType type,
        List<String> tags,
        String assignee,
        UUID parentId,
        List<String> plan,
        String project)
        implements Command {

    public CreateTicket {
        FieldRules.required("id", id);
        title = FieldRules.title("title", title);
        description = FieldRules.text("description", description);
        tags = tags == null ? List.of() : FieldRules.tags("tags", tags);
        assignee = FieldRules.login("assignee", assignee);
        plan = FieldRules.stages("plan", plan);
        project = project == null ? Ticket.DEFAULT_PROJECT : FieldRules.project("project", project);
        if (id.equals(parentId)) {
            throw new ValidationException("parentId", "a ticket cannot be its own parent");
        }
    }

    public static CreateTicket of(UUID id, String title) {
        return new CreateTicket(id, title, null, null, null, null, null, null, null, null);
    }

    @Override
    public UUID ticketId() {
        return id;
    }
}
