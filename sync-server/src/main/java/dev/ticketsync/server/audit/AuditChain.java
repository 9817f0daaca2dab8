package dev.ticketsync.server.audit;

import dev.ticketsync.model.domain.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes each audit entry's hash: HMAC-SHA256 over a canonical form of the entry and the previous hash —
 * sorted-key JSON with timestamps truncated to microseconds, as both H2 and PostgreSQL store them
 * ({@link AuditJson#canonical}).
 */
public final class AuditChain {

    private final SecretKeySpec key;
    // A Mac is stateful and costly to look up; the writer and the verifier hash on different threads.
    private final ThreadLocal<Mac> macs;

    public AuditChain(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The hash {@code entry} must carry, given its {@code prevHash}; its own {@code hash} field is ignored. */
    public String hashOf(AuditEntry entry) {
        return hashOf(entry, AuditJson.canonicalChanges(entry.changes()));
    }

    /** As {@link #hashOf(AuditEntry)}, with the entry's changes already written by {@link AuditJson#canonicalChanges}. */
    public String hashOf(AuditEntry entry, String canonicalChanges) {
        byte[] canonical = AuditJson.canonical(entry, canonicalChanges).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(macs.get().doFinal(canonical));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
