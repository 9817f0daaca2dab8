package dev.ticketsync.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.server.store.AuditRows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON forms of an audit entry. The hash an entry must carry never changes with the code that computes it: logs
 * written by earlier versions keep verifying. The expected values were computed by the first implementation (a sorted
 * map through Jackson).
 */
class AuditJsonTest {

    private static final AuditChain CHAIN =
            new AuditChain("golden-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final UUID CLIENT = UUID.fromString("018f0000-0000-7000-8000-0000000000aa");
    private static final UUID TICKET = UUID.fromString("018f0000-0000-7000-8000-000000000001");

    private static List<AuditEntry> entries() {
        TreeMap<String, ValueChange> created = new TreeMap<>();
        created.put("title", new ValueChange(null, "Printer \"jams\" — ünïcode ✓ \\ \n tab\t"));
        created.put("priority", new ValueChange(null, "p3"));
        created.put("tags", new ValueChange(null, List.of("vpn", "wifi")));
        TreeMap<String, ValueChange> edited = new TreeMap<>();
        edited.put("assignee", new ValueChange("alice", null));
        edited.put("stage", new ValueChange(1L, 2L));
        edited.put("slaBreached", new ValueChange(false, true));
        edited.put("blockedBy", new ValueChange(List.of(), List.of(TICKET.toString())));
        return List.of(
                new AuditEntry(
                        1,
                        Instant.parse("2026-03-01T09:00:00.123456789Z"),
                        "alice",
                        CLIENT,
                        "127.0.0.1",
                        AuditAction.TICKET_CREATED,
                        TICKET,
                        created,
                        "",
                        null),
                new AuditEntry(
                        2,
                        Instant.parse("2026-03-01T09:00:01Z"),
                        "bob",
                        null,
                        null,
                        AuditAction.ASSIGNED,
                        TICKET,
                        edited,
                        "ab".repeat(32),
                        null),
                new AuditEntry(
                        3,
                        Instant.parse("2026-03-01T09:00:02.5Z"),
                        "admin",
                        null,
                        "10.0.0.1",
                        AuditAction.LOGIN,
                        null,
                        new TreeMap<>(),
                        "cd".repeat(32),
                        null),
                new AuditEntry(
                        4,
                        Instant.parse("2026-03-01T09:00:03Z"),
                        null,
                        null,
                        null,
                        AuditAction.USER_CREATED,
                        null,
                        null,
                        "ef".repeat(32),
                        null));
    }

    @Test
    void entries_hash_exactly_as_the_first_version_signed_them() {
        assertThat(entries().stream().map(CHAIN::hashOf))
                .containsExactly(
                        "087fb27955087eeb6b6c82dc3b22323063d41ca96031f1c1c2f7967510e579b3",
                        "1bea64e3a06710f6b1b155f25b0c138c130a9f9df7d0d6d42018164bbbbba5f4",
                        "03e8f21ecf610e1b32d21e404bda9a1babdac09bb4bf2dacb8497815079eea85",
                        "67aea96a40d07c5c6a18f2014f0f049f337d4c762d0739804d860501d465cedc");
    }

    @Test
    void the_hash_over_changes_written_beforehand_is_the_same_hash() {
        for (AuditEntry entry : entries()) {
            assertThat(CHAIN.hashOf(entry, AuditJson.canonicalChanges(entry.changes())))
                    .isEqualTo(CHAIN.hashOf(entry));
        }
    }

    @Test
    void the_snapshot_replicas_receive_reads_back_as_the_signed_entry() throws JsonProcessingException {
        for (AuditEntry unsigned : entries()) {
            AuditEntry entry = withHash(unsigned, CHAIN.hashOf(unsigned));

            String snapshot = AuditRows.snapshot(entry, AuditJson.canonicalChanges(entry.changes()));

            AuditEntry read = Json.lenient().readValue(snapshot, AuditEntry.class);
            assertThat(read.hash()).isEqualTo(entry.hash()).isEqualTo(CHAIN.hashOf(read));
            assertThat(Json.lenient().readTree(snapshot))
                    .isEqualTo(Json.lenient().readTree(Json.strict().writeValueAsString(entry)));
        }
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(
                e.seq(),
                e.at(),
                e.actor(),
                e.clientId(),
                e.ip(),
                e.action(),
                e.ticketId(),
                e.changes(),
                e.prevHash(),
                hash);
    }
}
