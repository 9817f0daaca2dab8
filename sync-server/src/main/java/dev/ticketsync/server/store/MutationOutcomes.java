package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The stored outcome of every mutation a device pushed, so a re-sent one answers what happened the first time. A
 * rejection is a row of its own, with what the admin console shows; the accepted mutations of one push transaction
 * share a row (docs/decisions/0005-push-write-volume.md).
 */
public final class MutationOutcomes {

    /** A stored rejection, for the admin console; {@code ticketKey} is null when the ticket was never created. */
    public record RejectionRow(
            UUID clientId,
            long mutationId,
            String user,
            String command,
            UUID ticketId,
            String ticketKey,
            String code,
            String message,
            Instant at) {}

    public void recordRejection(
            Connection c,
            UUID clientId,
            MutationResult rejected,
            String command,
            UUID ticketId,
            String user,
            Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO mutations (client_id, mutation_id, status, seq, code, message, command, ticket_id,
                    user_login, at)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, clientId);
            s.setLong(2, rejected.mutationId());
            s.setString(3, rejected.status().wire());
            s.setString(4, rejected.code() == null ? null : rejected.code().name());
            s.setString(
                    5,
                    rejected.message() == null || rejected.message().length() <= 4000
                            ? rejected.message()
                            : rejected.message().substring(0, 3999) + "…");
            s.setString(6, command);
            s.setObject(7, ticketId);
            s.setString(8, user);
            Rows.instant(s, 9, now);
            s.executeUpdate();
        }
    }

    /** Records the mutations one transaction accepted, in mutation id order, in one row. */
    public void recordAccepted(Connection c, UUID clientId, List<MutationResult> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        StringBuilder pairs = new StringBuilder(accepted.size() * 16);
        for (MutationResult result : accepted) {
            pairs.append(pairs.length() == 0 ? "" : ",")
                    .append(result.mutationId())
                    .append(':')
                    .append(result.seq());
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO accepted_mutations (client_id, first_mutation_id, last_mutation_id, accepted)
                VALUES (?, ?, ?, ?)""")) {
            s.setObject(1, clientId);
            s.setLong(2, accepted.get(0).mutationId());
            s.setLong(3, accepted.get(accepted.size() - 1).mutationId());
            s.setString(4, pairs.toString());
            s.executeUpdate();
        }
    }

    /**
     * The stored outcomes of mutations {@code from}..{@code to} of a device, in order. A mutation stored twice would
     * appear twice (it cannot: the one writer handles each once), so tests can check that.
     */
    public List<MutationResult> outcomes(Connection c, UUID clientId, long from, long to) throws SQLException {
        List<MutationResult> results = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT mutation_id, status, seq, code, message FROM mutations
                WHERE client_id = ? AND mutation_id BETWEEN ? AND ? ORDER BY mutation_id""")) {
            s.setObject(1, clientId);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String code = r.getString("code");
                    results.add(new MutationResult(
                            r.getLong("mutation_id"),
                            WireName.parse(MutationStatus.class, r.getString("status"))
                                    .orElseThrow(),
                            Rows.nullableLong(r, "seq"),
                            code == null ? null : ErrorCode.valueOf(code),
                            r.getString("message"),
                            null));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT accepted FROM accepted_mutations
                WHERE client_id = ? AND last_mutation_id >= ? AND first_mutation_id <= ?""")) {
            s.setObject(1, clientId);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (String pair : r.getString(1).split(",")) {
                        int colon = pair.indexOf(':');
                        long mutationId = Long.parseLong(pair.substring(0, colon));
                        if (mutationId >= from && mutationId <= to) {
                            results.add(MutationResult.accepted(mutationId, Long.parseLong(pair.substring(colon + 1))));
                        }
                    }
                }
            }
        }
        results.sort(Comparator.comparingLong(MutationResult::mutationId));
        return results;
    }

    public List<RejectionRow> recentRejections(Connection c, int limit) throws SQLException {
        List<RejectionRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT m.*, t.ticket_key FROM mutations m LEFT JOIN tickets t ON t.id = m.ticket_id
                WHERE m.status = 'rejected' ORDER BY m.at DESC, m.mutation_id DESC LIMIT ?""")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new RejectionRow(
                            Rows.uuid(r, "client_id"),
                            r.getLong("mutation_id"),
                            r.getString("user_login"),
                            r.getString("command"),
                            Rows.uuid(r, "ticket_id"),
                            r.getString("ticket_key"),
                            r.getString("code"),
                            r.getString("message"),
                            Rows.instant(r, "at")));
                }
            }
        }
        return rows;
    }
}
