package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The REST ticket list: filters, full text over title, description and comments (every word must match), newest
 * {@code updatedAt} first with ties by id, keyset paging, and an exact total.
 */
public final class TicketQuery {

    /** A position in the list: the last row of the previous page. */
    public record Position(Instant updatedAt, UUID id) {}

    /** What to list; empty sets and nulls match everything. */
    public record Filter(
            Set<Status> statuses, String assignee, Set<Priority> priorities, String tag, List<String> words) {}

    /** One page and the total number of matching tickets. */
    public record Page(List<Ticket> items, long total, Position next) {}

    public Page list(Connection c, Filter filter, Position after, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tickets t WHERE " + where)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (after != null) {
            keyset = " AND (t.updated_at < ? OR (t.updated_at = ? AND t.id < ?))";
            OffsetDateTime at = OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC);
            pageParams.add(at);
            pageParams.add(at);
            pageParams.add(after.id());
        }
        pageParams.add(limit + 1);
        List<Ticket> items = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + TicketRows.snapshotOf("t.id") + " FROM tickets t WHERE "
                        + where + keyset
                        + " ORDER BY t.updated_at DESC, t.id DESC LIMIT ?")) {
            bind(s, pageParams);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(TicketRows.parse(r.getString(1)));
                }
            }
        }
        Position next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Ticket last = items.get(limit - 1);
            next = new Position(last.updatedAt(), last.id());
        }
        return new Page(List.copyOf(items), total, next);
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (!f.statuses().isEmpty()) {
            where.append(" AND t.status IN (")
                    .append(marks(f.statuses().size()))
                    .append(")");
            f.statuses().forEach(status -> params.add(status.wire()));
        }
        if (!f.priorities().isEmpty()) {
            where.append(" AND t.priority IN (")
                    .append(marks(f.priorities().size()))
                    .append(")");
            f.priorities().forEach(priority -> params.add(priority.wire()));
        }
        if (f.assignee() != null) {
            where.append(" AND t.assignee = ?");
            params.add(f.assignee());
        }
        if (f.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.ticket_id = t.id AND g.tag = ?)");
            params.add(f.tag());
        }
        for (String word : f.words()) {
            String like = "%" + escape(word.toLowerCase(Locale.ROOT)) + "%";
            where.append(
                    " AND (LOWER(t.title) LIKE ? ESCAPE '\\' OR LOWER(t.description) LIKE ? ESCAPE '\\'"
                            + " OR EXISTS (SELECT 1 FROM comments m WHERE m.ticket_id = t.id AND LOWER(m.body) LIKE ? ESCAPE '\\'))");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return where.toString();
    }

    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }
}
