package dev.ticketsync.desktop.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Small named values of the replica: clientId, cursor, head, the next mutation id, the last sync time. */
final class SyncMeta {

    static final String CLIENT_ID = "clientId";
    static final String CURSOR = "cursor";
    static final String HEAD = "head";
    static final String NEXT_MUTATION_ID = "nextMutationId";
    static final String LAST_SYNC = "lastSyncAt";
    static final String SERVER_URL = "serverUrl";
    static final String USER = "user";
    static final String ROLE = "role";
    /** Local preferences (saved views) live under this prefix, apart from the sync bookkeeping. */
    static final String SETTING_PREFIX = "setting.";

    Optional<String> get(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT text_value FROM sync_meta WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    long getLong(Connection c, String name, long fallback) throws SQLException {
        return get(c, name).map(Long::parseLong).orElse(fallback);
    }

    void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("MERGE INTO sync_meta (name, text_value) KEY (name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
    }
}
