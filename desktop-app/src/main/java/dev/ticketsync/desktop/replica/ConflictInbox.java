package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Rejected mutations kept with the user's data until they retry or discard them. */
final class ConflictInbox {

    void add(Connection c, PendingMutation mutation, ErrorCode code, String message, String field, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO conflicts (mutation_id, command, args, ticket_id, client_time, code, message, field,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, mutation.mutationId());
            s.setString(2, mutation.command().name().wire());
            s.setString(3, CommandCodec.encode(mutation.command()).toString());
            s.setObject(4, mutation.command().ticketId());
            s.setObject(5, OffsetDateTime.ofInstant(mutation.clientTime(), ZoneOffset.UTC));
            s.setString(6, code.name());
            s.setString(7, message == null ? code.name() : message);
            s.setString(8, field);
            s.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** Every conflict, oldest first; {@code theirs} reads a field's current server value for text conflicts. */
    List<Conflict> all(Connection c, Function<EditFields, Map<EditableField, String>> theirs) throws SQLException {
        List<Conflict> conflicts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                        SELECT id, mutation_id, command, args, client_time, code, message, field, created_at
                        FROM conflicts ORDER BY id""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                var command = Outbox.decode(r.getString("command"), r.getString("args"));
                ErrorCode code = ErrorCode.valueOf(r.getString("code"));
                Conflict.TextConflict text = null;
                if (code == ErrorCode.CONFLICT && command instanceof EditFields edit) {
                    text = textConflict(edit, theirs.apply(edit));
                }
                conflicts.add(new Conflict(
                        r.getLong("id"),
                        r.getLong("mutation_id"),
                        command,
                        r.getObject("client_time", OffsetDateTime.class).toInstant(),
                        code,
                        r.getString("message"),
                        r.getString("field"),
                        r.getObject("created_at", OffsetDateTime.class).toInstant(),
                        text));
            }
        }
        return conflicts;
    }

    private static Conflict.TextConflict textConflict(EditFields edit, Map<EditableField, String> current) {
        for (Map.Entry<EditableField, FieldEdit> change : edit.changes().entrySet()) {
            EditableField field = change.getKey();
            if (field.isText()) {
                String now = current.get(field);
                if (!java.util.Objects.equals(now, change.getValue().base())) {
                    return new Conflict.TextConflict(
                            field.wire(),
                            change.getValue().base(),
                            now,
                            change.getValue().value());
                }
            }
        }
        return null;
    }

    boolean remove(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM conflicts WHERE id = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }
}
