package dev.ticketsync.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.ServerApi;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Ticket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that comes back with fewer commits than it answered for — restored from a backup, or an H2 that lost its
 * tail on a crash (docs/decisions/0007-h2-2.4-for-durability.md) — must not strand its devices: a device whose next
 * mutation the server calls a gap sends its outbox again, numbered on from what the server holds, and reads
 * everything again; so does a device whose cursor is past the server's head when it next pulls.
 */
class ServerRestoreTest {

    @TempDir
    Path backup;

    @Test
    void devices_carry_on_after_the_server_is_restored_from_an_older_copy() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            UUID ticket = Ids.newId();
            ServerApi.seed(backend, "carol", List.of(CreateTicket.of(ticket, "Printer on fire")));
            TestBackend.Device alice = backend.device("alice-laptop", "alice");
            TestBackend.Device bob = backend.device("bob-laptop", "bob");
            alice.engine().syncOnce();
            bob.engine().syncOnce();
            Priority original = bob.replica().ticket(ticket).orElseThrow().priority();
            assertThat(original).isNotIn(Priority.P1, Priority.P2);

            backend.stopServer();
            copy(backend.serverDir(), backup);
            backend.restartServer();

            // What the restored server will not know: alice's priority change, pulled by bob too.
            edit(alice, ticket, "p1");
            alice.engine().syncOnce();
            bob.engine().syncOnce();
            assertThat(bob.replica().ticket(ticket).orElseThrow().priority()).isEqualTo(Priority.P1);
            long bobsCursor = bob.replica().cursor();

            backend.stopServer();
            restore(backup, backend.serverDir());
            backend.restartServer();
            long restoredHead = ServerApi.as(backend, "carol")
                    .ok("/api/v1/admin/stats")
                    .get("head")
                    .asLong();
            assertThat(restoredHead).as("the restored server's head").isLessThan(bobsCursor);

            // Bob's cursor is past the restored head: he reads everything again, so he holds what the server holds.
            bob.engine().syncOnce();
            assertThat(bob.replica().ticket(ticket).orElseThrow().priority()).isEqualTo(original);
            assertThat(bob.replica().cursor()).isEqualTo(restoredHead);

            // Alice's next mutation is one past what the server holds from her: a gap, unless she renumbers.
            edit(alice, ticket, "p2");
            alice.engine().syncOnce();
            assertThat(alice.replica().pending()).as("alice's outbox").isEmpty();
            assertThat(alice.replica().conflicts()).as("alice's inbox").isEmpty();
            assertThat(alice.engine().status().state()).isEqualTo(SyncState.SYNCED);
            assertThat(alice.replica().ticket(ticket).orElseThrow().priority()).isEqualTo(Priority.P2);

            bob.engine().syncOnce();
            assertThat(bob.replica().ticket(ticket).orElseThrow().priority()).isEqualTo(Priority.P2);
            assertThat(bob.replica().cursor()).isEqualTo(alice.replica().cursor());

            Ticket onServer = ServerApi.as(backend, "carol").ticket(ticket).orElseThrow();
            assertThat(onServer.priority()).isEqualTo(Priority.P2);
        }
    }

    private static void edit(TestBackend.Device device, UUID ticket, String priority) {
        assertThat(device.replica()
                        .execute(EditFields.of(ticket, EditableField.PRIORITY, FieldEdit.to(priority)))
                        .accepted())
                .isTrue();
    }

    private static void restore(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(to)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
        copy(from, to);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
