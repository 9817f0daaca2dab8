package dev.ticketsync.server.http;

import dev.ticketsync.model.protocol.ErrorBody;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.validation.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answer is {@code {"error": {"code", "message", "field"?}}}, the framework's own (unknown route, wrong
 * method, oversized body) included. Only a server fault is a 500, and it is logged with its cause.
 */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private HttpErrors() {}

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, HttpErrors::api);
        routes.exception(ValidationException.class, (e, ctx) -> api(ApiException.of(e), ctx));
        routes.exception(HttpResponseException.class, (e, ctx) -> framework(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, 500, ErrorCode.SERVER_ERROR, "The server failed; the error is logged", null, null);
        });
        routes.error(
                404, ctx -> fallback(ctx, ErrorCode.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path()));
        routes.error(
                405,
                ctx -> fallback(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
        routes.before(HttpErrors::refuseLargeBodies);
        routes.before(StrictQuery::check);
    }

    /** Answered from the Content-Length, so an oversized body is never read. */
    private static void refuseLargeBodies(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw new ApiException(413, ErrorCode.PAYLOAD_TOO_LARGE, "The body is over 1 MiB", "body");
        }
    }

    private static void api(ApiException e, Context ctx) {
        e.headers().forEach(ctx::header);
        write(ctx, e.status(), e.code(), e.getMessage(), e.field(), e.extra());
    }

    private static void framework(Context ctx, int status, String message) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ErrorCode.VALIDATION : ErrorCode.SERVER_ERROR;
        };
        write(ctx, status, code, message == null || message.isBlank() ? "Bad request" : message, null, null);
    }

    /** The framework's own 404/405: only when no handler already wrote an error body. */
    private static void fallback(Context ctx, ErrorCode code, String message) {
        if (ctx.result() == null || ctx.result().isEmpty()) {
            write(ctx, ApiException.statusOf(code), code, message, null, null);
        }
    }

    private static void write(Context ctx, int status, ErrorCode code, String message, String field, Object extra) {
        if (extra instanceof Map<?, ?> fields) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            if (field != null) {
                error.put("field", field);
            }
            fields.forEach((key, value) -> error.put(key.toString(), value));
            JsonBodies.write(ctx, status, Map.of("error", error));
        } else {
            JsonBodies.write(ctx, status, ErrorBody.of(code, message, field));
        }
    }
}
