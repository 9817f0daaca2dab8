package dev.ticketsync.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ticketsync.model.validation.ValidationException;
import java.util.List;

/**
 * Turns Jackson's failures into {@link ValidationException}s that name the field in the client's terms
 * ({@code mutations[2].args.title}) with a sentence instead of a Java type name.
 */
public final class JsonErrors {

    private JsonErrors() {}

    public static ValidationException toValidation(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        ValidationException validation = validationCause(e);
        if (validation != null) {
            return path.isEmpty() || validation.field().startsWith(path)
                    ? validation
                    : validation.under(parentOf(path));
        }
        if (!(e instanceof JsonMappingException)) {
            return new ValidationException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        String field = path.isEmpty() ? "body" : path;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new ValidationException(field, "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new ValidationException(
                    field,
                    "has an invalid value '" + invalid.getValue() + "'"
                            + (invalid.getOriginalMessage().contains("expected one of")
                                    ? ": "
                                            + invalid.getOriginalMessage()
                                                    .replaceAll(".*(expected one of[^\\n]*).*", "$1")
                                    : ""));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new ValidationException(field, "must be " + describe(mismatch.getTargetType()));
        }
        return new ValidationException(field, "is invalid");
    }

    private static ValidationException validationCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ValidationException validation) {
                return validation;
            }
        }
        return null;
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}
