package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Ticket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A new device against a server with data pulls it all in large pages, showing progress that ends at the total. */
class BootstrapTest {

    private static final int TICKETS = 20_000;

    @Test
    void a_fresh_device_bootstraps_20000_tickets_with_progress_events_that_end_at_the_total() throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            List<CreateTicket> seeded = IntStream.range(0, TICKETS)
                    .mapToObj(i -> CreateTicket.of(Ids.newId(), "Bootstrap ticket " + i))
                    .toList();
            long seedStart = System.nanoTime();
            ServerApi.seed(backend, "carol", seeded);
            long seeding = (System.nanoTime() - seedStart) / 1_000_000;

            TestBackend.Device fresh = backend.device("new-laptop", "bob");
            List<SyncStatus> progress = new CopyOnWriteArrayList<>();
            fresh.engine().onStatus(status -> {
                if (status.bootstrapTotal() > 0) {
                    progress.add(status);
                }
            });
            long start = System.nanoTime();
            fresh.engine().syncOnce();
            long bootstrap = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "BootstrapTest: seeded %d tickets in %d ms; a fresh device bootstrapped them in %d ms%n",
                    TICKETS, seeding, bootstrap);

            assertThat(progress)
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status.bootstrapDone()).isBetween(0L, status.bootstrapTotal()));
            assertThat(progress.stream().map(SyncStatus::bootstrapDone).toList())
                    .as("progress never goes back")
                    .isSorted();
            assertThat(progress.stream().map(SyncStatus::bootstrapDone).distinct())
                    .as("progress moves in several steps, page by page")
                    .hasSizeGreaterThan(2);
            SyncStatus last = progress.get(progress.size() - 1);
            assertThat(last.bootstrapDone()).isEqualTo(last.bootstrapTotal());
            assertThat(last.state()).isEqualTo(SyncState.SYNCED);
            assertThat(fresh.replica().ticketCount()).isEqualTo(TICKETS);
            List<Ticket> tickets = fresh.replica().tickets();
            assertThat(tickets).hasSize(TICKETS);
            ServerApi server = ServerApi.as(backend, "carol");
            for (CreateTicket sample : List.of(seeded.get(0), seeded.get(TICKETS / 2), seeded.get(TICKETS - 1))) {
                assertThat(fresh.replica().ticket(sample.id())).isEqualTo(server.ticket(sample.id()));
            }
        }
    }
}
