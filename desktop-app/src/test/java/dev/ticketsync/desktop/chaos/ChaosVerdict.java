package dev.ticketsync.desktop.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.desktop.ServerApi;
import dev.ticketsync.desktop.ServerSnapshot;
import dev.ticketsync.desktop.Sync;
import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a chaos run must leave, read from the server once everything is quiet: its audit chain verifies; every replica
 * equals the server — each ticket, and each ticket's comments, watchers and history; the server handled every mutation
 * a device made exactly once; the ones it rejected are exactly those in the device's conflict inbox, with the user's
 * data; and each accepted one left its audit entry exactly once. Read first, asserted after, so the figures print
 * even when a check fails.
 */
final class ChaosVerdict {

    private final ServerApi server;
    private final List<ChaosDevice> devices;
    private final JsonNode auditVerification;
    private final ServerSnapshot snapshot;
    private final List<AuditEntry> audit;
    private final long accepted;
    private final Map<ErrorCode, Long> rejected = new TreeMap<>();

    private ChaosVerdict(ServerApi server, List<ChaosDevice> devices) {
        this.server = server;
        this.devices = devices;
        this.auditVerification = server.ok("/api/v1/audit/verify");
        this.snapshot = ServerSnapshot.read(server, server.tickets().keySet());
        this.audit = server.audit();
        long acceptedOnServer = 0;
        for (ChaosDevice device : devices) {
            acceptedOnServer += server.outcomes(device.device().replica().clientId()).values().stream()
                    .filter(status -> status == MutationStatus.ACCEPTED)
                    .count();
            for (Conflict conflict : device.device().replica().conflicts()) {
                rejected.merge(conflict.code(), 1L, Long::sum);
            }
        }
        this.accepted = acceptedOnServer;
    }

    static ChaosVerdict check(ServerApi server, List<ChaosDevice> devices) {
        return new ChaosVerdict(server, devices);
    }

    void assertEverythingHeld() {
        assertThat(auditVerification.get("ok").asBoolean())
                .as("GET /api/v1/audit/verify: %s", auditVerification)
                .isTrue();
        for (ChaosDevice device : devices) {
            snapshot.assertMatches(device.device());
        }
        for (ChaosDevice device : devices) {
            assertThat(device.device().replica().conflicts())
                    .as("changes %s gave up on after the server failed on them (5xx)", device.name())
                    .noneMatch(conflict -> conflict.code() == ErrorCode.SERVER_ERROR);
            Sync.assertEveryMutationAcceptedOrInTheInbox(device.device(), server, device.edits());
            Sync.assertEachAcceptedMutationAuditedOnce(device.device(), audit, device.edits());
        }
    }

    boolean auditVerified() {
        return auditVerification.get("ok").asBoolean();
    }

    long tickets() {
        return snapshot.tickets().size();
    }

    long comments() {
        return snapshot.comments();
    }

    long auditEntries() {
        return audit.size();
    }

    /** Mutations of the chaos devices the server accepted (its stored outcomes). */
    long accepted() {
        return accepted;
    }

    /** The devices' conflict inboxes, by the server's rejection code. */
    Map<ErrorCode, Long> rejected() {
        return rejected;
    }
}
