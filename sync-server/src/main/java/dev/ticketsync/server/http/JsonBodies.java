package dev.ticketsync.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.json.JsonErrors;
import dev.ticketsync.model.validation.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;

/** Reads request bodies strictly and writes responses, all through the one JSON configuration. */
public final class JsonBodies {

    public static final String JSON = "application/json";

    private JsonBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = bytes(ctx);
        try {
            return Json.strict().readValue(body, type);
        } catch (ValidationException e) {
            throw ApiException.of(e);
        } catch (JsonProcessingException e) {
            throw ApiException.of(JsonErrors.toValidation(e));
        } catch (IOException e) {
            throw ApiException.invalid("body", "could not be read");
        }
    }

    /** A JSON tree already read, as {@code type}, strictly. */
    public static <T> T treeTo(JsonNode tree, Class<T> type) {
        try {
            return Json.strict().treeToValue(tree, type);
        } catch (ValidationException e) {
            throw ApiException.of(e);
        } catch (JsonProcessingException e) {
            throw ApiException.of(JsonErrors.toValidation(e));
        }
    }

    /** The body as a JSON object (for commands, whose fields are checked by their records). */
    public static ObjectNode readObject(Context ctx) {
        JsonNode node = read(ctx, JsonNode.class);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return object;
    }

    /** The body as a JSON object, or an empty one when there is no body. */
    public static ObjectNode readObjectOrEmpty(Context ctx) {
        return ctx.bodyAsBytes().length == 0 ? Json.strict().createObjectNode() : readObject(ctx);
    }

    private static byte[] bytes(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.invalid("body", "is required");
        }
        return body;
    }

    public static void write(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType(JSON).result(Json.strict().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    /** A list answer, {@code {items, total?, nextCursor}}, with {@code nextCursor} null on the last page. */
    public static void page(Context ctx, java.util.List<?> items, Long total, String nextCursor) {
        ObjectNode body = Json.strict().createObjectNode();
        body.set("items", Json.strict().valueToTree(items));
        if (total != null) {
            body.put("total", total);
        }
        body.put("nextCursor", nextCursor);
        ok(ctx, body);
    }

    public static void ok(Context ctx, Object value) {
        write(ctx, 200, value);
    }
}
