package dev.ticketsync.server.audit;

import dev.ticketsync.server.store.AuditRows;
import dev.ticketsync.server.store.Database;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Proves the audit log was not edited: seqs run 1, 2, 3… without gaps, every entry links to the one before, and every
 * entry carries the hash only the key can give.
 */
public final class AuditVerifier {

    /** {@code {ok, entries, firstBadSeq?}}. */
    public record Verification(boolean ok, long entries, Long firstBadSeq) {}

    private final Database database;
    private final AuditChain chain;
    private final AuditRows audit = new AuditRows();

    public AuditVerifier(Database database, AuditChain chain) {
        this.database = database;
        this.chain = chain;
    }

    public Verification verify() {
        AtomicLong entries = new AtomicLong();
        AtomicReference<String> previous = new AtomicReference<>("");
        AtomicReference<Long> firstBad = new AtomicReference<>();
        database.read(c -> {
            audit.each(c, entry -> {
                entries.incrementAndGet();
                boolean linked = entry.prevHash().equals(previous.get()) && entry.seq() == entries.get();
                boolean signed = chain.hashOf(entry).equals(entry.hash());
                if ((!linked || !signed) && firstBad.get() == null) {
                    firstBad.set(entry.seq());
                }
                previous.set(entry.hash());
            });
            return null;
        });
        return new Verification(firstBad.get() == null, entries.get(), firstBad.get());
    }
}
