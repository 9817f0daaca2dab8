package dev.ticketsync.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.ui.console.AuditBrowserView;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel;
import dev.ticketsync.desktop.ui.console.SyncConsoleView;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel;
import dev.ticketsync.desktop.ui.main.TrackingScheduler;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.TicketType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the admin sync console and the audit browser, with a small team's morning of real sync behind them, to
 * {@code target/screenshots/sync-console.png} and {@code audit-log.png} (copied to {@code docs/} for the README), and
 * the console once the server is gone ({@code sync-console-unreachable.png}).
 * Five devices: two online, one far behind; three changes the server rejected.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleScreenshotTest {

    private static final Path OUT = Path.of("target", "screenshots");
    private static final List<String> TITLES = List.of(
            "VPN drops every few minutes for remote staff",
            "Printer on floor 3 jams on duplex",
            "Outlook asks for the password again",
            "Shared mailbox for the finance team",
            "SSO login loops on the HR portal",
            "Payroll export shows wrong totals",
            "New starter account for Jamie",
            "Staging database is very slow",
            "MFA token lost, needs a reset",
            "Backup job failed overnight",
            "Wi-Fi in building B keeps dropping",
            "CRM dashboard shows an empty page");

    private TestBackend backend;
    private TrackingScheduler scheduler;

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        if (scheduler != null) {
            scheduler.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void renders_the_sync_console_and_the_audit_log_with_live_data_to_png(FxRobot robot) throws Exception {
        backend = TestBackend.start();
        AdminClient lead = aMorningOfSync();
        scheduler = new TrackingScheduler();
        WaitForAsyncUtils.waitForAsyncFx(
                10_000, () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        SyncConsoleViewModel console = new SyncConsoleViewModel(lead, scheduler, Clock.systemDefaultZone());
        SyncConsoleView consoleView = fx(() -> new SyncConsoleView(console));
        Scene consoleScene = fx(() -> show(consoleView.node(), "Sync console"));
        WaitForAsyncUtils.waitForAsyncFx(10_000, consoleView::start);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx(() -> console.devices().size() == 5
                        && console.devices().stream().filter(d -> d.online()).count() == 2));
        scheduler.settle();
        Path consolePng = OUT.resolve("sync-console.png");
        Screenshot.save(fx(() -> consoleScene.snapshot(null)), consolePng);

        backend.stopServer();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx(() -> console.errorProperty().get().startsWith("Server unreachable")));
        scheduler.settle();
        Path offlinePng = OUT.resolve("sync-console-unreachable.png");
        Screenshot.save(fx(() -> consoleScene.snapshot(null)), offlinePng);
        backend.restartServer();
        WaitForAsyncUtils.waitForAsyncFx(10_000, consoleView::stop);

        AuditBrowserViewModel audit = new AuditBrowserViewModel(lead, scheduler, ZoneId.systemDefault(), 100);
        AuditBrowserView auditView = fx(() -> new AuditBrowserView(audit));
        Scene auditScene = fx(() -> show(auditView.node(), "Audit log"));
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            auditView.start();
            audit.verify();
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx(() -> !audit.rows().isEmpty()
                        && audit.verificationTextProperty().get().startsWith("Chain intact")));
        // The filter fields keep their hints visible: nothing typed, nothing focused.
        WaitForAsyncUtils.waitForAsyncFx(
                10_000, () -> auditScene.lookup(".table-view").requestFocus());
        scheduler.settle();
        Path auditPng = OUT.resolve("audit-log.png");
        Screenshot.save(fx(() -> auditScene.snapshot(null)), auditPng);

        assertLooksRendered(consolePng);
        assertLooksRendered(offlinePng);
        assertLooksRendered(auditPng);
    }

    private Scene show(javafx.scene.Node node, String title) {
        Stage stage = new Stage();
        Scene scene = new Scene((Parent) node, 1280, 800);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("ticketsync.css"))
                        .toExternalForm());
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /**
     * Bob and carol report and triage; alice's laptop pulls early, works on stale data and has three changes rejected;
     * the admin's workstation synced once at the start and never again. Alice's desktop and bob's laptop stay online.
     */
    private AdminClient aMorningOfSync() throws IOException {
        TestBackend.Device bob = backend.device("bob-laptop", "bob");
        TestBackend.Device carol = backend.device("carol-laptop", "carol");
        TestBackend.Device aliceLaptop = backend.device("alice-laptop", "alice");
        TestBackend.Device aliceDesktop = backend.device("alice-desktop", "alice");
        TestBackend.Device admin = backend.device("admin-workstation", "admin");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < TITLES.size(); i++) {
            UUID id = Ids.newId();
            ids.add(id);
            run(
                    i % 3 == 0 ? carol.replica() : bob.replica(),
                    new CreateTicket(
                            id,
                            TITLES.get(i),
                            "Reported by the service desk phone line.",
                            Priority.values()[i % 4],
                            TicketType.INCIDENT,
                            List.of(),
                            null,
                            null,
                            null,
                            null));
        }
        carol.engine().syncOnce();
        bob.engine().syncOnce();
        admin.engine().syncOnce();
        aliceLaptop.engine().syncOnce();

        run(bob.replica(), new Transition(ids.get(1), Status.CANCELLED, null, "Duplicate of the facilities ticket"));
        run(bob.replica(), Transition.to(ids.get(4), Status.TRIAGED));
        run(bob.replica(), new Transition(ids.get(4), Status.RESOLVED, "Cleared the stale SSO session", null));
        bob.engine().syncOnce();
        run(
                carol.replica(),
                EditFields.of(
                        ids.get(3),
                        EditableField.TITLE,
                        FieldEdit.from(TITLES.get(3), "Shared mailbox for finance (EU and US)")));
        carol.engine().syncOnce();

        run(aliceLaptop.replica(), Transition.to(ids.get(1), Status.TRIAGED));
        run(
                aliceLaptop.replica(),
                EditFields.of(
                        ids.get(3),
                        EditableField.TITLE,
                        FieldEdit.from(TITLES.get(3), "Shared mailbox for the finance team (urgent)")));
        run(aliceLaptop.replica(), Transition.to(ids.get(4), Status.TRIAGED));
        run(aliceLaptop.replica(), new Assign(ids.get(0), "alice"));
        aliceLaptop.engine().syncOnce();

        IntStream.of(0, 2, 5, 6, 7, 8, 9, 10, 11)
                .forEach(i -> run(bob.replica(), Transition.to(ids.get(i), Status.TRIAGED)));
        bob.engine().syncOnce();
        run(carol.replica(), new Assign(ids.get(7), "bob"));
        carol.engine().syncOnce();

        aliceDesktop.engine().start();
        bob.engine().start();
        return new AdminClient(carol.client());
    }

    private static void run(Replica replica, Command command) {
        assertThat(replica.execute(command).rejection()).as("%s", command).isNull();
    }

    private static void assertLooksRendered(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a readable PNG", png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(800);
        long colours = IntStream.range(0, image.getHeight() / 4)
                .flatMap(row -> IntStream.range(0, image.getWidth() / 4).map(col -> image.getRGB(col * 4, row * 4)))
                .distinct()
                .count();
        assertThat(colours).as("distinct colours in %s (text, bars, dots)", png).isGreaterThan(40);
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }
}
