package dev.ticketsync.server.store;

/**
 * The few statements H2 and PostgreSQL spell differently: upserts, and how the one writer is made one across server
 * instances (DESIGN.md §4).
 */
public enum Dialect {
    H2,
    POSTGRES;

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL): " + jdbcUrl);
    }

    public String flywayLocation() {
        return this == H2 ? "classpath:db/migration/h2" : "classpath:db/migration/postgresql";
    }

    /**
     * An upsert of {@code columns} into {@code table}, keyed by the first {@code keyColumns} columns; all parameters
     * in column order.
     */
    public String upsert(String table, int keyColumns, String... columns) {
        String names = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.length, "?"));
        String keys = String.join(", ", java.util.Arrays.copyOf(columns, keyColumns));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + keys + ") VALUES (" + marks + ")";
        }
        StringBuilder updates = new StringBuilder();
        for (int i = keyColumns; i < columns.length; i++) {
            updates.append(updates.length() == 0 ? "" : ", ")
                    .append(columns[i])
                    .append(" = EXCLUDED.")
                    .append(columns[i]);
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT (" + keys + ") DO "
                + (updates.length() == 0 ? "NOTHING" : "UPDATE SET " + updates);
    }

    /** The channel server instances announce a moved head on (PostgreSQL LISTEN/NOTIFY). */
    public static final String HEAD_CHANNEL = "ticketsync_head";

    /**
     * Sent inside a write transaction with the new head as its parameter; delivered to every listening instance at
     * commit, so their event streams poke devices too. Null where there is one instance by construction (H2).
     */
    public String notifyStatement() {
        return this == POSTGRES ? "SELECT pg_notify('" + HEAD_CHANNEL + "', ?)" : null;
    }

    /**
     * Taken at the start of every write transaction and held to its commit. In-process writes are already serialized
     * by a lock; on PostgreSQL this also serializes several server instances sharing the database.
     */
    public String writerLockStatement() {
        return this == POSTGRES ? "SELECT pg_advisory_xact_lock(7406110)" : null;
    }
}
