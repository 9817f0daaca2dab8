package dev.ticketsync.model.workflow;

import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.validation.ValidationException;
import java.util.Objects;

/** A command that was refused: a stable code, a sentence a person can read, and the field at fault if any. */
public record Rejection(ErrorCode code, String message, String field) implements Outcome {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ErrorCode code, String message) {
        return new Rejection(code, message, null);
    }

    public static Rejection of(ValidationException e) {
        return new Rejection(ErrorCode.VALIDATION, e.getMessage(), e.field());
    }
}
