package dev.ticketsync.server.http;

import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.Rejection;
import java.util.Map;

/** A failure the client caused or can act on, with the HTTP status and the error body it gets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final String field;
    private final Map<String, String> headers;
    private final Object extra;

    public ApiException(int status, ErrorCode code, String message, String field) {
        this(status, code, message, field, Map.of(), null);
    }

    private ApiException(
            int status, ErrorCode code, String message, String field, Map<String, String> headers, Object extra) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = headers;
        this.extra = extra;
    }

    public static ApiException of(ValidationException e) {
        return new ApiException(400, ErrorCode.VALIDATION, e.getMessage(), e.field());
    }

    public static ApiException invalid(String field, String reason) {
        return of(new ValidationException(field, reason));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCode.NOT_FOUND, message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCode.FORBIDDEN, message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCode.UNAUTHORIZED, message, null);
    }

    /** A workflow rejection, with the status its code stands for (DESIGN.md §7) and optional extra body fields. */
    public static ApiException of(Rejection rejection, Object extra) {
        return new ApiException(
                statusOf(rejection.code()), rejection.code(), rejection.message(), rejection.field(), Map.of(), extra);
    }

    public ApiException withHeader(String name, String value) {
        return new ApiException(status, code, getMessage(), field, Map.of(name, value), extra);
    }

    public static int statusOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case ILLEGAL_TRANSITION, GUARD_FAILED, TERMINAL, CONFLICT, MUTATION_GAP -> 409;
            case STALE_VERSION -> 412;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case THROTTLED -> 429;
            case SERVER_ERROR -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Extra fields for the error body (e.g. the allowed transitions), or null. */
    public Object extra() {
        return extra;
    }
}
