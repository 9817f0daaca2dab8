package dev.ticketsync.desktop.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ticketsync.desktop.replica.PulledChange;
import dev.ticketsync.desktop.replica.PulledPage;
import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a pull page's body with a streaming parser, keeping each change's {@code data} as the exact JSON text the
 * server sent. The replica stores that text as it is: parsing 5,000 snapshots into trees only to write them back as
 * text was most of the CPU a bootstrap spent outside H2. Only {@code ticketId} and {@code user} at the top of a
 * snapshot are read, because the replica files rows under them. Fields it does not know are skipped (lenient, like
 * every response read), so a newer server's additions do not break an older app.
 */
final class PullPageReader {

    private PullPageReader() {}

    static PulledPage read(byte[] body) throws IOException {
        List<PulledChange> changes = new ArrayList<>();
        long cursor = 0;
        long head = 0;
        boolean hasMore = false;
        long lastMutationId = 0;
        try (JsonParser parser = Json.lenient().getFactory().createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "changes" -> {
                        expect(parser, value, JsonToken.START_ARRAY);
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            changes.add(change(parser, body));
                        }
                        expect(parser, parser.currentToken(), JsonToken.END_ARRAY);
                    }
                    case "cursor" -> cursor = parser.getLongValue();
                    case "head" -> head = parser.getLongValue();
                    case "hasMore" -> hasMore = parser.getBooleanValue();
                    case "lastMutationId" -> lastMutationId = parser.getLongValue();
                    default -> parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the pull page at " + parser.currentTokenLocation());
            }
        }
        return new PulledPage(changes, cursor, head, hasMore, lastMutationId);
    }

    /** One {@code {seq, entity, id, data, deleted?}}, the parser on its START_OBJECT; leaves it on the END_OBJECT. */
    private static PulledChange change(JsonParser parser, byte[] body) throws IOException {
        long seq = 0;
        EntityType entity = null;
        String id = null;
        Snapshot data = null;
        boolean deleted = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "seq" -> seq = parser.getLongValue();
                case "entity" -> {
                    String wire = parser.getText();
                    entity = WireName.parse(EntityType.class, wire)
                            .orElseThrow(() -> new IOException("unknown entity \"" + wire + "\" in a pull page"));
                }
                case "id" -> id = parser.getText();
                case "data" -> data = snapshot(parser, body);
                case "deleted" -> deleted = parser.currentToken() == JsonToken.VALUE_TRUE;
                default -> parser.skipChildren();
            }
        }
        if (entity == null || id == null || data == null) {
            throw new IOException("a change without entity, id or data in a pull page at " + parser.currentLocation());
        }
        return new PulledChange(seq, entity, id, data.json(), data.ticketId(), data.user(), deleted);
    }

    private record Snapshot(String json, UUID ticketId, String user) {}

    /** The data object's exact text, and its top-level ticketId and user; the parser on its START_OBJECT. */
    private static Snapshot snapshot(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            // Not a snapshot the replica knows how to file; written back as JSON so the row still holds it.
            return new Snapshot(Json.strict().writeValueAsString(parser.readValueAsTree()), null, null);
        }
        int start = Math.toIntExact(parser.currentTokenLocation().getByteOffset());
        UUID ticketId = null;
        String user = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("ticketId") && value == JsonToken.VALUE_STRING) {
                ticketId = uuid(parser);
            } else if (field.equals("user") && value == JsonToken.VALUE_STRING) {
                user = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        int end = Math.toIntExact(parser.currentTokenLocation().getByteOffset()) + 1;
        return new Snapshot(new String(body, start, end - start, StandardCharsets.UTF_8), ticketId, user);
    }

    private static UUID uuid(JsonParser parser) throws IOException {
        try {
            return UUID.fromString(parser.getText());
        } catch (IllegalArgumentException e) {
            throw new IOException("a malformed ticketId in a pull page at " + parser.currentLocation(), e);
        }
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("malformed pull page: expected " + wanted + " but found " + actual + " at "
                    + parser.currentLocation());
        }
    }
}
