package dev.ticketsync.model.validation;

/** Input that breaks a field rule. Always names the field, so a client can point at it. */
public final class ValidationException extends RuntimeException {

    private final String field;

    public ValidationException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same failure, with its field nested under {@code parent} (e.g. {@code changes.title}). */
    public ValidationException under(String parent) {
        return new ValidationException(parent + "." + field, reason());
    }
}
