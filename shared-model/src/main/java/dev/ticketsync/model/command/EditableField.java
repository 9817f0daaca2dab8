package dev.ticketsync.model.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import dev.ticketsync.model.validation.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The fields {@code edit_fields} may change, with their conflict rule (DESIGN.md §5): text fields carry the base the
 * user edited and conflict when the server's value moved on; scalar fields are last-writer-wins in server order.
 */
public enum EditableField {
    TITLE("title", true),
    DESCRIPTION("description", true),
    RESOLUTION("resolution", true),
    PRIORITY("priority", false),
    TYPE("type", false),
    ASSIGNEE("assignee", false),
    TEAM("team", false),
    DUE_AT("dueAt", false);

    private final String wire;
    private final boolean text;

    EditableField(String wire, boolean text) {
        this.wire = wire;
        this.text = text;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Text fields conflict on a stale base; the others are last-writer-wins. */
    public boolean isText() {
        return text;
    }

    /** Reads map keys by wire name, failing with the field named (Jackson's own key reader hides the cause). */
    public static final class KeyReader extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            return of(key);
        }
    }

    @JsonCreator
    public static EditableField of(String wire) {
        for (EditableField field : values()) {
            if (field.wire.equals(wire)) {
                return field;
            }
        }
        throw new ValidationException(
                "changes." + wire,
                "is not an editable field; editable: "
                        + Arrays.stream(values()).map(EditableField::wire).collect(Collectors.joining(", ")));
    }
}
