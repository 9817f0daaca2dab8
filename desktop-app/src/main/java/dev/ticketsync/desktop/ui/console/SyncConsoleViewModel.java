package dev.ticketsync.desktop.ui.console;

import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.ui.common.Scheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sync console's state: every device with its lag and whether it is online now, the recent rejections, the server's
 * counters. {@link #refresh()} reads them in the background; when the server cannot be reached the last data stays
 * but {@link #errorProperty()} says so, with the time of the last good read — never stale silence.
 */
public final class SyncConsoleViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncConsoleViewModel.class);

    /** How many recent rejections the console lists. */
    static final int REJECTIONS = 200;

    /** A device as the console lists it; {@code lagShare} is the part of the change log it has not pulled (0–1). */
    public record DeviceLine(
            String user,
            UUID clientId,
            String device,
            String lastSeen,
            long lastMutationId,
            long lag,
            double lagShare,
            boolean online,
            boolean revoked) {}

    /** A rejected mutation: when, whose, on which ticket, and the server's reason. */
    public record RejectionLine(
            String when, String user, String ticket, String command, String code, String message, String device) {}

    /** One counter of the server, named for a person. */
    public record Stat(String name, String value, String hint) {}

    private final AdminClient admin;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<DeviceLine> devices = FXCollections.observableArrayList();
    private final ObservableList<RejectionLine> rejections = FXCollections.observableArrayList();
    private final ObservableList<Stat> stats = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("Not loaded yet");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private Instant lastGoodRead;

    public SyncConsoleViewModel(AdminClient admin, Scheduler scheduler, Clock clock) {
        this.admin = admin;
        this.scheduler = scheduler;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public ObservableList<DeviceLine> devices() {
        return devices;
    }

    public ObservableList<RejectionLine> rejections() {
        return rejections;
    }

    public ObservableList<Stat> stats() {
        return stats;
    }

    /** Empty while the last refresh worked; otherwise what went wrong and how old the data on screen is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Live · updated 14:02:07". */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    /** "3 devices · 2 online · 1 behind". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Reads devices, rejections and stats in the background and publishes them together. A refresh asked for while
     * one is still running is dropped: the running one brings the news, and a slow server is not piled on.
     */
    public void refresh() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        loading.set(true);
        scheduler.background(() -> {
            try {
                Snapshot snapshot = new Snapshot(admin.devices(), admin.rejections(REJECTIONS), admin.stats());
                Instant now = clock.instant();
                scheduler.ui(() -> show(snapshot, now));
            } catch (IOException | RuntimeException e) {
                Instant now = clock.instant();
                scheduler.ui(() -> fail(e, now));
            }
        });
    }

    private record Snapshot(
            List<AdminClient.DeviceStatus> devices,
            List<AdminClient.Rejection> rejections,
            AdminClient.ServerStats stats) {}

    private void show(Snapshot snapshot, Instant now) {
        long head = snapshot.stats().head();
        devices.setAll(snapshot.devices().stream()
                .map(device -> new DeviceLine(
                        device.user(),
                        device.clientId(),
                        ConsoleText.shortId(device.clientId()),
                        ConsoleText.ago(device.lastSeenAt(), now, zone),
                        device.lastMutationId(),
                        device.lag(),
                        head <= 0 ? 0 : Math.min(1.0, (double) device.lag() / head),
                        device.connected(),
                        device.revoked()))
                .toList());
        rejections.setAll(snapshot.rejections().stream()
                .map(rejection -> new RejectionLine(
                        ConsoleText.ago(rejection.at(), now, zone),
                        rejection.user(),
                        ticket(rejection),
                        rejection.command(),
                        rejection.code(),
                        rejection.message(),
                        ConsoleText.shortId(rejection.clientId())))
                .toList());
        stats.setAll(stats(snapshot.stats()));
        long online = snapshot.devices().stream()
                .filter(AdminClient.DeviceStatus::connected)
                .count();
        long behind = snapshot.devices().stream()
                .filter(device -> device.lag() > 0 && !device.revoked())
                .count();
        summary.set(snapshot.devices().size() + (snapshot.devices().size() == 1 ? " device · " : " devices · ") + online
                + " online · " + behind + " behind");
        lastGoodRead = now;
        updated.set("Live · updated " + ConsoleText.clock(now, zone));
        error.set("");
        done();
    }

    private void fail(Exception failure, Instant now) {
        LOG.warn("sync console refresh failed", failure);
        String age = lastGoodRead == null
                ? "nothing loaded yet"
                : "showing data from " + ConsoleText.clock(lastGoodRead, zone);
        error.set(ConsoleText.failure(failure) + " — " + age + "; retrying");
        updated.set("Last try " + ConsoleText.clock(now, zone) + " failed");
        done();
    }

    private void done() {
        loading.set(false);
        inFlight.set(false);
    }

    private static String ticket(AdminClient.Rejection rejection) {
        if (rejection.ticketKey() != null) {
            return rejection.ticketKey();
        }
        return rejection.ticketId() == null ? "—" : "new " + ConsoleText.shortId(rejection.ticketId());
    }

    private static List<Stat> stats(AdminClient.ServerStats s) {
        return List.of(
                new Stat("Head seq", Long.toString(s.head()), "newest change"),
                new Stat("Tickets", Long.toString(s.tickets()), s.openTickets() + " open"),
                new Stat("Pushes / min", Long.toString(s.pushesPerMinute()), "last minute"),
                new Stat("Pulls / min", Long.toString(s.pullsPerMinute()), "last minute"),
                new Stat("Connected devices", Long.toString(s.connectedDevices()), "of " + s.devices() + " active"),
                new Stat(
                        "Rejected",
                        Long.toString(s.mutationsRejected()),
                        s.mutationsAccepted() + " accepted since start"));
    }
}
