package dev.ticketsync.model.workflow;

import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.domain.Ticket;

/**
 * A ticket's editable field as the wire and the audit spell it ({@code "p2"}, an ISO instant): what an edit's base is
 * compared with, and what an undo writes back.
 */
public final class FieldValues {

    private FieldValues() {}

    public static String wire(Ticket ticket, EditableField field) {
        Object value = switch (field) {
            case TITLE -> ticket.title();
            case DESCRIPTION -> ticket.description();
            case RESOLUTION -> ticket.resolution();
            case PRIORITY -> ticket.priority();
            case TYPE -> ticket.type();
            case ASSIGNEE -> ticket.assignee();
            case TEAM -> ticket.team();
            case DUE_AT -> ticket.dueAt();
        };
        return value == null ? null : (String) AuditValues.of(value);
    }
}
