package dev.ticketsync.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CommandName;
import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.validation.ValidationException;

/** Turns a command's wire form ({@code "create_ticket"} + args) into a {@link Command} and back. */
public final class CommandCodec {

    private CommandCodec() {}

    public static Command decode(String command, JsonNode args) {
        CommandName name = WireName.parse(CommandName.class, command)
                .orElseThrow(() -> new ValidationException(
                        "command", "unknown command '" + command + "'; known: " + WireName.allowed(CommandName.class)));
        return decode(name, args);
    }

    public static Command decode(CommandName name, JsonNode args) {
        if (args == null || !args.isObject()) {
            throw new ValidationException("args", "must be an object");
        }
        ObjectMapper mapper = Json.strict();
        try {
            return mapper.treeToValue(args, name.argsType());
        } catch (JsonProcessingException e) {
            throw JsonErrors.toValidation(e);
        }
    }

    public static ObjectNode encode(Command command) {
        return Json.strict().valueToTree(command);
    }

    /** The cause of a mapping failure, as the validation error it stands for. */
    static ValidationException unwrap(JsonMappingException e) {
        return JsonErrors.toValidation(e);
    }
}
