package dev.ticketsync.desktop.replica;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a pull page's rows into the server-state tables with batched statements. A row the replica may already hold
 * is written with {@code MERGE}; where rows are almost all new — every row of a bootstrap, and audit entries always
 * (each is its own entity and never changes) — a plain {@code INSERT} is tried first, and only the rows it finds
 * already present are merged. H2 runs a {@code MERGE} as an update attempt and then an insert: on a bootstrap the
 * update attempts were a third of the time spent writing rows.
 */
final class PageWriter {

    /** Sets a row's parameters, the same for its INSERT and its MERGE. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, PulledChange change) throws SQLException;
    }

    private static final Binder TICKET = (s, change) -> {
        s.setObject(1, UUID.fromString(change.id()));
        s.setLong(2, change.seq());
        s.setString(3, change.data());
    };
    private static final Binder COMMENT = (s, change) -> {
        s.setObject(1, UUID.fromString(change.id()));
        s.setObject(2, change.ticketId());
        s.setLong(3, change.seq());
        s.setString(4, change.data());
    };
    private static final Binder USER = (s, change) -> {
        s.setString(1, change.id());
        s.setLong(2, change.seq());
        s.setString(3, change.data());
    };
    private static final Binder AUDIT = (s, change) -> {
        s.setLong(1, Long.parseLong(change.id()));
        s.setObject(2, change.ticketId());
        s.setString(3, change.data());
    };
    private static final Binder WATCH = (s, change) -> {
        s.setObject(1, change.ticketId());
        s.setString(2, watcher(change));
        s.setLong(3, change.seq());
    };
    private static final Binder UNWATCH = (s, change) -> {
        s.setObject(1, change.ticketId());
        s.setString(2, watcher(change));
    };

    private PageWriter() {}

    /**
     * Writes the page; {@code fresh} says the replica has never completed a pull (a bootstrap), so its rows are new.
     * Returns the ids of the tickets it touched (directly or through a comment or watcher).
     */
    static Set<UUID> write(Connection c, List<PulledChange> changes, boolean fresh) throws SQLException {
        Set<UUID> touched = new LinkedHashSet<>();
        List<PulledChange> tickets = new ArrayList<>();
        List<PulledChange> comments = new ArrayList<>();
        List<PulledChange> watches = new ArrayList<>();
        List<PulledChange> unwatches = new ArrayList<>();
        List<PulledChange> users = new ArrayList<>();
        List<PulledChange> audit = new ArrayList<>();
        for (PulledChange change : changes) {
            switch (change.entity()) {
                case TICKET -> {
                    tickets.add(change);
                    touched.add(UUID.fromString(change.id()));
                }
                case COMMENT -> {
                    comments.add(change);
                    touched.add(change.ticketId());
                }
                case WATCHER -> {
                    (change.deleted() ? unwatches : watches).add(change);
                    touched.add(change.ticketId());
                }
                case USER -> users.add(change);
                case AUDIT -> audit.add(change);
            }
        }
        write(c, "tickets (id, seq, data)", "id", "?, ?, ?", TICKET, tickets, fresh);
        write(c, "comments (id, ticket_id, seq, data)", "id", "?, ?, ?, ?", COMMENT, comments, fresh);
        write(c, "watchers (ticket_id, user_login, seq)", "ticket_id, user_login", "?, ?, ?", WATCH, watches, false);
        batch(c, "DELETE FROM watchers WHERE ticket_id = ? AND user_login = ?", UNWATCH, unwatches);
        write(c, "users (login, seq, data)", "login", "?, ?, ?", USER, users, fresh);
        write(c, "audit (seq, ticket_id, data)", "seq", "?, ?, ?", AUDIT, audit, true);
        return touched;
    }

    private static void write(
            Connection c,
            String table,
            String key,
            String values,
            Binder binder,
            List<PulledChange> rows,
            boolean insert)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String merge = "MERGE INTO " + table + " KEY (" + key + ") VALUES (" + values + ")";
        if (!insert) {
            batch(c, merge, binder, rows);
            return;
        }
        List<PulledChange> present = new ArrayList<>();
        try {
            batch(c, "INSERT INTO " + table + " VALUES (" + values + ")", binder, rows);
        } catch (BatchUpdateException e) {
            int[] counts = e.getUpdateCounts();
            if (counts == null || counts.length != rows.size()) {
                // The driver stopped at the first failure: merging every row is still right (MERGE is idempotent).
                present = rows;
            } else {
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == Statement.EXECUTE_FAILED) {
                        present.add(rows.get(i));
                    }
                }
            }
        }
        // A row that failed for another reason than being present fails here again, and the page with it.
        batch(c, merge, binder, present);
    }

    private static void batch(Connection c, String sql, Binder binder, List<PulledChange> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (PulledChange row : rows) {
                binder.bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String watcher(PulledChange change) {
        return change.user() == null ? "" : change.user();
    }
}
