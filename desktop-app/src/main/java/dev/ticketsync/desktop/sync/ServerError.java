package dev.ticketsync.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an error: its status, the code, message and field of its error body, and how long to wait
 * when it says so ({@code Retry-After}).
 */
public final class ServerError extends IOException {

    private final int status;
    private final String code;
    private final String reason;
    private final String field;
    private final Duration retryAfter;

    private ServerError(int status, String code, String message, String field, Duration retryAfter) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
        this.reason = message;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static ServerError of(int status, byte[] body) {
        return of(status, body, null);
    }

    static ServerError of(int status, byte[] body, String retryAfterHeader) {
        String code = "HTTP_" + status;
        String message = "no details";
        String field = null;
        try {
            JsonNode error = Json.lenient().readTree(body).path("error");
            code = error.path("code").asText(code);
            message = error.path("message").asText(message);
            field = error.hasNonNull("field") ? error.get("field").asText() : null;
        } catch (IOException notJson) {
            // A proxy's HTML error page: the status says enough.
        }
        return new ServerError(status, code, message, field, seconds(retryAfterHeader));
    }

    private static Duration seconds(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null; // The HTTP-date form is not sent by our server; a wrong header is no reason to fail.
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    /** The server's own words, without status and code: "The current password is wrong". */
    public String reason() {
        return reason;
    }

    /** The request field the error is about ({@code newPassword}), when the server names one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** How long the server asks the client to wait ({@code Retry-After} in seconds), when it says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
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

    /** The server's last mutation from this device is below the one pushed first (409 MUTATION_GAP). */
    public boolean isMutationGap() {
        return status == 409 && "MUTATION_GAP".equals(code);
    }

    /** A gateway or a draining server says the server cannot be reached right now. */
    public boolean isUnavailable() {
        return status == 502 || status == 503 || status == 504;
    }
}
