package dev.ticketsync.desktop.replica;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ForkJoinTask;

/** The server's state as this replica last pulled it: one latest snapshot per entity, stored as JSON. */
final class ServerState {

    Optional<Ticket> ticket(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM tickets WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r.getString(1), Ticket.class)) : Optional.empty();
            }
        }
    }

    List<Ticket> tickets(Connection c) throws SQLException {
        return all(c, "SELECT data FROM tickets", Ticket.class);
    }

    /** The {@code limit} tickets whose latest change came last (by seq, so in server order), newest first. */
    List<Ticket> newest(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM tickets ORDER BY seq DESC LIMIT ?")) {
            s.setInt(1, limit);
            return parse(s, Ticket.class);
        }
    }

    // Rows for a list of ticket ids, given as one array parameter: a join with the array as a table, which H2 runs as
    // index lookups (with "= ANY(?)" it re-tests every row against the whole array).
    private static final String TICKETS_BY_IDS =
            "SELECT t.data FROM TABLE(id UUID = ?) ids JOIN tickets t ON t.id = ids.id";
    private static final String COMMENTS_BY_TICKET_IDS =
            "SELECT c.ticket_id, c.data FROM TABLE(id UUID = ?) ids JOIN comments c ON c.ticket_id = ids.id";

    /** The tickets with these ids; ids without a row are left out. */
    List<Ticket> tickets(Connection c, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TICKETS_BY_IDS)) {
            s.setObject(1, ids.toArray(UUID[]::new));
            return parse(s, Ticket.class);
        }
    }

    List<Comment> comments(Connection c, UUID ticketId) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM comments WHERE ticket_id = ?")) {
            s.setObject(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    comments.add(read(r.getString(1), Comment.class));
                }
            }
        }
        comments.sort(java.util.Comparator.comparing(Comment::createdAt).thenComparing(Comment::id));
        return comments;
    }

    /** Every ticket's comment bodies, lower-cased and joined, for free-text search. */
    Map<UUID, String> commentText(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ticket_id, data FROM comments")) {
            return commentText(s);
        }
    }

    /** The comment text of these tickets, as {@link #commentText(Connection)}; tickets without comments are left out. */
    Map<UUID, String> commentText(Connection c, Collection<UUID> ticketIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COMMENTS_BY_TICKET_IDS)) {
            s.setObject(1, ticketIds.toArray(UUID[]::new));
            return commentText(s);
        }
    }

    private static Map<UUID, String> commentText(PreparedStatement s) throws SQLException {
        Map<UUID, StringBuilder> text = new HashMap<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                text.computeIfAbsent(r.getObject(1, UUID.class), id -> new StringBuilder())
                        .append(body(r.getString(2)).toLowerCase(Locale.ROOT))
                        .append('\n');
            }
        }
        Map<UUID, String> joined = new HashMap<>();
        text.forEach((id, body) -> joined.put(id, body.toString()));
        return joined;
    }

    Set<UUID> watchedBy(Connection c, String login) throws SQLException {
        Set<UUID> tickets = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ticket_id FROM watchers WHERE user_login = ?")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tickets.add(r.getObject(1, UUID.class));
                }
            }
        }
        return tickets;
    }

    /**
     * A comment's body, read straight from its JSON: search needs nothing else of the 300k comments a large replica
     * holds, and skipping the rest makes loading them several times faster.
     */
    static String body(String json) {
        try (JsonParser parser = Json.lenient().createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("body")) {
                        return parser.getText();
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable Comment in the replica", e);
        }
        throw new IllegalStateException("a Comment without a body in the replica");
    }

    Set<String> watchers(Connection c, UUID ticketId) throws SQLException {
        Set<String> users = new LinkedHashSet<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT user_login FROM watchers WHERE ticket_id = ? ORDER BY user_login")) {
            s.setObject(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.add(r.getString(1));
                }
            }
        }
        return users;
    }

    List<User> users(Connection c) throws SQLException {
        return all(c, "SELECT data FROM users ORDER BY login", User.class);
    }

    List<AuditEntry> audit(Connection c, UUID ticketId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM audit WHERE ticket_id = ? ORDER BY seq")) {
            s.setObject(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(read(r.getString(1), AuditEntry.class));
                }
            }
        }
        return entries;
    }

    long count(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static <T> List<T> all(Connection c, String sql, Class<T> type) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            return parse(s, type);
        }
    }

    /**
     * Reads rows of JSON and parses them while the next rows are read: full batches go to the common pool, and this
     * thread parses what is still queued once the read is done. Parsing is most of the time it takes to open a large
     * replica's list (100k tickets), so it runs on every core, alongside the read.
     */
    private static <T> List<T> parse(PreparedStatement s, Class<T> type) throws SQLException {
        List<ForkJoinTask<List<T>>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                batch.add(r.getString(1));
                if (batch.size() == PARSE_BATCH) {
                    batches.add(parseLater(batch, type).fork());
                    batch = new ArrayList<>();
                }
            }
        }
        batches.add(parseLater(batch, type));
        // Newest first: those are the ones this thread can take back from the queue and run itself.
        for (int i = batches.size() - 1; i >= 0; i--) {
            ForkJoinTask<List<T>> task = batches.get(i);
            if (i == batches.size() - 1 || task.tryUnfork()) {
                task.invoke();
            }
        }
        List<T> values = new ArrayList<>();
        batches.forEach(task -> values.addAll(task.join()));
        return values;
    }

    private static <T> ForkJoinTask<List<T>> parseLater(List<String> rows, Class<T> type) {
        return ForkJoinTask.adapt(() -> {
            List<T> values = new ArrayList<>(rows.size());
            rows.forEach(json -> values.add(read(json, type)));
            return values;
        });
    }

    private static final int PARSE_BATCH = 2000;

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.lenient().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in the replica", e);
        }
    }
}
