package dev.ticketsync.model.validation;

/** Input that breaks a field rule. Always names the field, so a client can point at it. */
public final class ValidationException extends RuntimeException {

    private final String field;

    /** Longest message kept: messages quote what the client sent, which can be anything. */
    public static final int MAX_MESSAGE = 500;

    public ValidationException(String field, String message) {
        super(abbreviate(abbreviate(field, 200) + ": " + message));
        this.field = abbreviate(field, 200);
    }

    private static String abbreviate(String text) {
        return abbreviate(text, MAX_MESSAGE);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().length() > field.length() + 2 ? getMessage().substring(field.length() + 2) : "";
    }

    /** The same failure, with its field nested under {@code parent} (e.g. {@code changes.title}). */
    public ValidationException under(String parent) {
        return new ValidationException(parent + "." + field, reason());
    }
}
