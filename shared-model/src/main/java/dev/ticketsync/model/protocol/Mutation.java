package dev.ticketsync.model.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import java.time.Instant;

/**
 * One command a device made, numbered per device. {@code args} stays raw JSON here so that one bad mutation is
 * rejected on its own (and lands in the device's conflict inbox) instead of failing the whole batch.
 */
public record Mutation(Long mutationId, String command, JsonNode args, Instant clientTime) {

    public Mutation {
        FieldRules.required("mutationId", mutationId);
        if (mutationId < 1) {
            throw new ValidationException("mutationId", "must be 1 or more");
        }
        FieldRules.required("command", command);
        FieldRules.required("args", args);
        if (!args.isObject()) {
            throw new ValidationException("args", "must be an object");
        }
    }
}
