package dev.ticketsync.model.command;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Changes some fields of a ticket: {@code {ticketId, changes: {field: {base, value}}}}. */
public record EditFields(
        UUID ticketId,

        @JsonDeserialize(keyUsing = EditableField.KeyReader.class)
        SortedMap<EditableField, FieldEdit> changes)
        implements Command {

    public EditFields {
        FieldRules.required("ticketId", ticketId);
        FieldRules.required("changes", changes);
        if (changes.isEmpty()) {
            throw new ValidationException("changes", "must name at least one field");
        }
        SortedMap<EditableField, FieldEdit> checked = new TreeMap<>();
        for (Map.Entry<EditableField, FieldEdit> entry : changes.entrySet()) {
            EditableField field = entry.getKey();
            FieldEdit edit = FieldRules.required("changes." + field.wire(), entry.getValue());
            checked.put(field, new FieldEdit(edit.base(), normalise(field, edit.value())));
        }
        changes = Collections.unmodifiableSortedMap(checked);
    }

    public static EditFields of(UUID ticketId, EditableField field, FieldEdit edit) {
        Map<EditableField, FieldEdit> changes = new EnumMap<>(EditableField.class);
        changes.put(field, edit);
        return new EditFields(ticketId, new TreeMap<>(changes));
    }

    private static String normalise(EditableField field, String value) {
        String name = "changes." + field.wire() + ".value";
        return switch (field) {
            case TITLE -> FieldRules.title(name, value);
            case DESCRIPTION, RESOLUTION -> FieldRules.text(name, value);
            case PRIORITY -> enumValue(name, Priority.class, value);
            case TYPE -> enumValue(name, TicketType.class, value);
            case ASSIGNEE -> FieldRules.login(name, value);
            case TEAM -> FieldRules.shortName(name, value, 80);
            case DUE_AT -> instant(name, value);
        };
    }

    private static <E extends Enum<E> & WireName> String enumValue(String field, Class<E> type, String value) {
        FieldRules.required(field, value);
        return WireName.parse(type, value)
                .map(WireName::wire)
                .orElseThrow(() -> new ValidationException(
                        field, "unknown value '" + value + "'; expected one of " + WireName.allowed(type)));
    }

    private static String instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 instant like 2026-01-31T17:00:00Z");
        }
    }
}
