package dev.ticketsync.desktop.replica;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a replica, or — when its file or schema cannot be opened (an H2 format from another version, a schema from a
 * newer app, a damaged file) — saves what the user typed and starts over: the outbox and conflicts are exported to a
 * JSON file next to the profile, the old files are moved aside, and a fresh replica with a new clientId is built from
 * the server by the next sync.
 */
public final class ReplicaRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRecovery.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The opened replica, and where the unsaved work of a replaced one went (empty when nothing was replaced). */
    public record Opened(Replica replica, Optional<Path> rescuedFile, Optional<Path> movedAside) {}

    private ReplicaRecovery() {}

    public static Opened open(Path directory, String serverUrl, String login, Role role, Clock clock)
            throws SQLException {
        try {
            return new Opened(
                    Replica.open(directory, serverUrl, login, role, clock), Optional.empty(), Optional.empty());
        } catch (RuntimeException | SQLException e) {
            LOG.warn("cannot open the replica in {}; rebuilding it from the server: {}", directory, e.toString());
            String stamp = STAMP.format(clock.instant());
            Path rescued = directory.resolveSibling(directory.getFileName() + "-rescued-" + stamp + ".json");
            Path aside = directory.resolveSibling(directory.getFileName() + "-broken-" + stamp);
            exportUnsynced(directory, rescued);
            try {
                Files.move(directory, aside);
            } catch (IOException moveFailed) {
                throw new ReplicaException("cannot move the damaged replica aside", moveFailed);
            }
            Replica fresh = Replica.open(directory, serverUrl, login, role, clock);
            return new Opened(fresh, Optional.of(rescued), Optional.of(aside));
        }
    }

    /** Reads the outbox and conflicts with plain SQL (no migrations) and writes them out; best effort. */
    private static void exportUnsynced(Path directory, Path target) {
        ObjectNode export = Json.strict().createObjectNode();
        export.put("replica", directory.toString());
        ArrayNode outbox = export.putArray("outbox");
        ArrayNode conflicts = export.putArray("conflicts");
        String url =
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("replica") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            copy(c, "SELECT * FROM outbox ORDER BY mutation_id", outbox);
            copy(c, "SELECT * FROM conflicts ORDER BY id", conflicts);
        } catch (SQLException unreadable) {
            export.put("error", "the replica could not be read: " + unreadable.getMessage());
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(
                    target, Json.strict().writerWithDefaultPrettyPrinter().writeValueAsString(export));
        } catch (IOException e) {
            throw new ReplicaException("cannot save the unsynced changes to " + target, e);
        }
    }

    private static void copy(Connection c, String sql, ArrayNode into) {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData columns = r.getMetaData();
            while (r.next()) {
                ObjectNode row = into.addObject();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(
                            columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                            value == null ? null : value.toString());
                }
            }
        } catch (SQLException missingTable) {
            // An older or damaged schema may lack the table: nothing to rescue from it.
        }
    }
}
