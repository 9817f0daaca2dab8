package dev.ticketsync.desktop.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica that cannot be opened is rebuilt — after what the user typed is saved next to it. */
class ReplicaRecoveryTest {

    private static final String SERVER = "http://127.0.0.1:1";

    @Test
    void a_schema_from_a_newer_app_is_moved_aside_with_the_outbox_saved_and_a_new_client_id(@TempDir Path base)
            throws Exception {
        Path dir = base.resolve("alice@host");
        UUID oldClient;
        UUID ticket = Ids.newId();
        try (Replica replica = Replica.open(dir, SERVER, "alice", Role.AGENT, Clock.systemUTC())) {
            oldClient = replica.clientId();
            replica.execute(CreateTicket.of(ticket, "Typed while offline"));
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("replica");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                            + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 0, TRUE)");
        }

        ReplicaRecovery.Opened opened = ReplicaRecovery.open(dir, SERVER, "alice", Role.AGENT, Clock.systemUTC());
        try (Replica fresh = opened.replica()) {
            assertThat(fresh.clientId()).isNotEqualTo(oldClient);
            assertThat(fresh.pending()).isEmpty();
        }
        assertThat(opened.movedAside())
                .hasValueSatisfying(
                        aside -> assertThat(Files.isDirectory(aside)).isTrue());
        JsonNode rescued =
                Json.lenient().readTree(opened.rescuedFile().orElseThrow().toFile());
        assertThat(rescued.get("outbox")).hasSize(1);
        assertThat(rescued.get("outbox").get(0).get("args").asText()).contains("Typed while offline");
    }

    @Test
    void a_damaged_file_is_moved_aside_and_a_fresh_replica_opens(@TempDir Path base) throws Exception {
        Path dir = base.resolve("bob@host");
        Files.createDirectories(dir);
        Files.write(
                dir.resolve("replica.mv.db"),
                "this is not an H2 file at all".repeat(200).getBytes());

        ReplicaRecovery.Opened opened = ReplicaRecovery.open(dir, SERVER, "bob", Role.AGENT, Clock.systemUTC());
        try (Replica fresh = opened.replica()) {
            assertThat(fresh.ticketCount()).isZero();
            assertThat(fresh.execute(CreateTicket.of(Ids.newId(), "Works again"))
                            .accepted())
                    .isTrue();
        }
        assertThat(opened.rescuedFile())
                .hasValueSatisfying(file -> assertThat(file).exists());
    }

    @Test
    void a_healthy_replica_opens_as_it_is(@TempDir Path base) throws Exception {
        Path dir = base.resolve("carol@host");
        UUID client;
        try (Replica replica = Replica.open(dir, SERVER, "carol", Role.LEAD, Clock.systemUTC())) {
            client = replica.clientId();
        }
        ReplicaRecovery.Opened opened = ReplicaRecovery.open(dir, SERVER, "carol", Role.LEAD, Clock.systemUTC());
        try (Replica same = opened.replica()) {
            assertThat(same.clientId()).isEqualTo(client);
        }
        assertThat(opened.rescuedFile()).isEmpty();
    }
}
