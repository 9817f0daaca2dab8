package dev.ticketsync.server.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;

/**
 * The canonical JSON of an audit entry, which its hash covers. Its changes are written once, in canonical (sorted-key)
 * JSON, and that text is reused: for the hash, for the audit row, and for the snapshot replicas receive
 * ({@code AuditRows.snapshot}). The few top-level fields around it are written by hand, so no entry is serialized
 * twice.
 */
public final class AuditJson {

    private static final ObjectWriter CANONICAL = ((JsonMapper) Json.strict())
            .rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build()
            .writer();

    private AuditJson() {}

    /** An entry's changes as sorted-key JSON: what the hash covers, and what the audit row stores. */
    public static String canonicalChanges(SortedMap<String, ValueChange> changes) {
        try {
            return CANONICAL.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit changes as JSON", e);
        }
    }

    /**
     * What the hash covers: every field but the hash in sorted-key order, nulls left out, the time truncated to
     * microseconds. Fixed forever — logs signed by earlier versions must keep verifying (AuditJsonTest).
     */
    static String canonical(AuditEntry entry, String canonicalChanges) {
        StringWriter out = new StringWriter(canonicalChanges.length() + 320);
        try (JsonGenerator json = Json.strict().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("action", entry.action().name());
            optional(json, "actor", entry.actor());
            json.writeStringField(
                    "at", entry.at().truncatedTo(ChronoUnit.MICROS).toString());
            json.writeFieldName("changes");
            json.writeRawValue(canonicalChanges);
            optional(
                    json,
                    "clientId",
                    entry.clientId() == null ? null : entry.clientId().toString());
            optional(json, "ip", entry.ip());
            optional(json, "prevHash", entry.prevHash());
            json.writeNumberField("seq", entry.seq());
            optional(
                    json,
                    "ticketId",
                    entry.ticketId() == null ? null : entry.ticketId().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit entry " + entry.seq(), e);
        }
        return out.toString();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
