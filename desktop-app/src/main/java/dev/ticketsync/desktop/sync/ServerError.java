package dev.ticketsync.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.Json;
import java.io.IOException;

/** The server answered with an error: its status, and the code and message of its error body. */
public final class ServerError extends IOException {

    private final int status;
    private final String code;
    private final String detail;
    private final String field;

    private ServerError(int status, String code, String detail, String field) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.field = field;
    }

    static ServerError of(int status, byte[] body) {
        String code = "HTTP_" + status;
        String message = "no details";
        String field = null;
        try {
            JsonNode error = Json.lenient().readTree(body).path("error");
            code = error.path("code").asText(code);
            message = error.path("message").asText(message);
            field = error.path("field").isTextual() ? error.path("field").asText() : null;
        } catch (IOException notJson) {
            // A proxy's HTML error page: the status says enough.
        }
        return new ServerError(status, code, message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The server's own words, for a person. */
    public String detail() {
        return detail;
    }

    /** The request field the server refused, or null. */
    public String field() {
        return field;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    /**
     * The server itself failed on the request (500 and the like). A gateway's 502/503/504 is not that: the server is
     * unreachable behind it, which is being offline, and must never push a change into the conflict inbox.
     */
    public boolean isServerFault() {
        return status >= 500 && !isUnavailable();
    }

    /** A gateway or a draining server says the server cannot be reached right now. */
    public boolean isUnavailable() {
        return status == 502 || status == 503 || status == 504;
    }
}
