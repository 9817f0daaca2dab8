package dev.ticketsync.desktop.chaos;

import dev.ticketsync.desktop.Edits;
import dev.ticketsync.desktop.TcpProxy;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Ticket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One device of the chaos run: its own replica (H2 file) and sync engine, behind a network of its own (a
 * {@link TcpProxy} to the server) that can go away, drop connections and slow down, and the user's random edits.
 */
final class ChaosDevice implements AutoCloseable {

    private static final List<Edits.Kind> KINDS = List.of(Edits.Kind.values());

    private final String name;
    private final TestBackend.Device device;
    private final TcpProxy network;
    private final Edits edits;
    private long offlineUntil;
    private int offlinePeriods;
    private int refusedLocally;

    private ChaosDevice(String name, TestBackend.Device device, TcpProxy network, Edits edits) {
        this.name = name;
        this.device = device;
        this.network = network;
        this.edits = edits;
    }

    /** A new device of {@code login} named {@code name}, signed in through a proxy of its own; its engine is running. */
    static ChaosDevice open(TestBackend backend, String name, String login, List<String> assignees) {
        TcpProxy network = TcpProxy.to(backend.port());
        TestBackend.Device device = backend.deviceVia(name, login, network.url());
        Edits edits = new Edits(device.replica(), List.of(Priority.values()), assignees);
        device.engine().start();
        return new ChaosDevice(name, device, network, edits);
    }

    /**
     * The user makes one random edit of a ticket their replica shows, mostly an open one, or reports a new ticket when
     * {@code report}; the replica may refuse it (nothing to do on that ticket), which queues nothing.
     */
    void edit(Random random, boolean report) {
        if (report) {
            edits.run(CreateTicket.of(Ids.newId(), name + " reports problem " + random.nextInt(1_000_000)));
            return;
        }
        List<Ticket> seen = device.replica().tickets();
        List<Ticket> open = seen.stream().filter(Ticket::isOpen).toList();
        List<Ticket> pool = open.isEmpty() || random.nextInt(10) == 0 ? seen : open;
        if (pool.isEmpty()) {
            return;
        }
        UUID target = pool.get(random.nextInt(pool.size())).id();
        if (!edits.make(KINDS.get(random.nextInt(KINDS.size())), target, random.nextInt(1000))) {
            refusedLocally++;
        }
    }

    /** The device loses its network for {@code period}: every connection is cut and new ones are refused. */
    void goOffline(Duration period, long nowMillis) {
        if (!network.isCut()) {
            offlinePeriods++;
        }
        network.cut();
        offlineUntil = Math.max(offlineUntil, nowMillis + period.toMillis());
    }

    /** Brings the network back once its offline period is over (at once with {@code force}). */
    void maybeReconnect(long nowMillis, boolean force) {
        if (network.isCut() && (force || nowMillis >= offlineUntil)) {
            network.heal();
        }
    }

    TcpProxy network() {
        return network;
    }

    TestBackend.Device device() {
        return device;
    }

    Edits edits() {
        return edits;
    }

    String name() {
        return name;
    }

    int offlinePeriods() {
        return offlinePeriods;
    }

    int refusedLocally() {
        return refusedLocally;
    }

    /** Closes the network; the replica and engine are closed with the backend. */
    @Override
    public void close() {
        network.close();
    }
}
