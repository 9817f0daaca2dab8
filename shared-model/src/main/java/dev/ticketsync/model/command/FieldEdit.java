package dev.ticketsync.model.command;

/**
 * One field's new value, and (for text fields) the value the user saw when they started editing. Values travel as
 * strings in their wire form ({@code "p1"}, an ISO instant); {@code value} null clears the field.
 */
public record FieldEdit(String base, String value) {

    public static FieldEdit to(String value) {
        return new FieldEdit(null, value);
    }

    public static FieldEdit from(String base, String value) {
        return new FieldEdit(base, value);
    }
}
