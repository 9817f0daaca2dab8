package dev.ticketsync.desktop.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replica's schema: Flyway runs only when the file is not at the app's newest migration. */
class ReplicaDatabaseTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void the_version_opened_without_flyway_is_the_newest_migration() throws Exception {
        URL scripts = Objects.requireNonNull(ReplicaDatabase.class.getResource("/db/replica"));
        int newest;
        try (Stream<Path> files = Files.list(Path.of(scripts.toURI()))) {
            newest = files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1)))
                    .max()
                    .orElseThrow();
        }
        assertThat(ReplicaDatabase.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
    }

    @Test
    void a_replica_written_by_an_older_app_is_migrated_when_opened(@TempDir Path dir) throws Exception {
        String url = ReplicaDatabase.url(dir);
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/replica")
                .target("2")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(ReplicaDatabase.upToDate(c)).isFalse();
        }

        try (ReplicaDatabase database = ReplicaDatabase.open(dir)) {
            assertThat(ReplicaDatabase.upToDate(database.connection())).isTrue();
            assertThat(indexes(database.connection(), "TICKETS")).contains("TICKETS_SEQ");
        }
    }

    @Test
    void a_new_file_is_created_through_flyway_and_opens_as_is_the_next_time(@TempDir Path dir) throws Exception {
        try (ReplicaDatabase database = ReplicaDatabase.open(dir)) {
            assertThat(ReplicaDatabase.upToDate(database.connection())).isTrue();
            try (Statement s = database.connection().createStatement()) {
                s.execute("INSERT INTO sync_meta (name, text_value) VALUES ('kept', 'yes')");
            }
            database.connection().commit();
        }
        try (ReplicaDatabase database = ReplicaDatabase.open(dir);
                Statement s = database.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT text_value FROM sync_meta WHERE name = 'kept'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("yes");
        }
    }

    private static String indexes(Connection c, String table) throws Exception {
        StringBuilder names = new StringBuilder();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = '" + table + "'")) {
            while (r.next()) {
                names.append(r.getString(1)).append(' ');
            }
        }
        return names.toString();
    }
}
