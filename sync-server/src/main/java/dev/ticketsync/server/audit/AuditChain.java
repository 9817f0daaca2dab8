package dev.ticketsync.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes each audit entry's hash: HMAC-SHA256 over a canonical form of the entry and the previous hash —
 * sorted-key JSON with timestamps truncated to microseconds, as both H2 and PostgreSQL store them.
 */
public final class AuditChain {

    private static final ObjectMapper CANONICAL = ((JsonMapper) Json.strict())
            .rebuild()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The hash {@code entry} must carry, given its {@code prevHash}; its own {@code hash} field is ignored. */
    public String hashOf(AuditEntry entry) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("seq", entry.seq());
        canonical.put("at", entry.at().truncatedTo(ChronoUnit.MICROS).toString());
        canonical.put("actor", entry.actor());
        canonical.put(
                "clientId", entry.clientId() == null ? null : entry.clientId().toString());
        canonical.put("ip", entry.ip());
        canonical.put("action", entry.action().name());
        canonical.put(
                "ticketId", entry.ticketId() == null ? null : entry.ticketId().toString());
        canonical.put("changes", entry.changes());
        canonical.put("prevHash", entry.prevHash());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash audit entry " + entry.seq(), e);
        }
    }
}
