package dev.ticketsync.server.http;

import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.ErrorBody;
import dev.ticketsync.model.protocol.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before Javalin sees the request (a URI with broken percent-encoding, a bad header) get the same
 * JSON error shape as everything else instead of Jetty's HTML page.
 */
public final class JettyJsonErrors extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws IOException {
        ErrorCode code =
                status == 404 ? ErrorCode.NOT_FOUND : status >= 500 ? ErrorCode.SERVER_ERROR : ErrorCode.VALIDATION;
        String text = status == 400 ? "The request is malformed (check the URL's percent-encoding)" : "HTTP " + status;
        byte[] body = Json.strict().writeValueAsBytes(ErrorBody.of(code, text, null));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonBodies.JSON);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
