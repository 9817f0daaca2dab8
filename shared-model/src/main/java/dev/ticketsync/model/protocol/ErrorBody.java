package dev.ticketsync.model.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error answer: {@code {"error": {"code", "message", "field"?}}}. */
public record ErrorBody(Detail error) {

    public static ErrorBody of(ErrorCode code, String message, String field) {
        return new ErrorBody(new Detail(code, message, field));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(ErrorCode code, String message, String field) {}
}
