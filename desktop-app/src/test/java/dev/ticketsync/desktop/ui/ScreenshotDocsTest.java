package dev.ticketsync.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import dev.ticketsync.desktop.ui.main.TrackingScheduler;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.Visibility;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main window with a helpdesk's worth of realistic tickets (synced from a real in-process server) to PNGs
 * for the docs: {@code target/screenshots/main-window.png} and {@code detail-comments.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotDocsTest {

    private static final Path OUT = Path.of("target", "screenshots");
    private static final String SHOWCASE = "VPN drops every few minutes for remote staff";
    private static final int TICKETS = 30;
    private static final List<String> SUBJECTS = List.of(
            "Wi-Fi in building B",
            "Outlook",
            "Shared mailbox for finance",
            "SSO login",
            "Printer on floor 3",
            "Payroll export",
            "CRM dashboard",
            "Deployment pipeline",
            "Staging database",
            "New starter account",
            "MFA token",
            "Video conferencing",
            "Backup job",
            "Phone extension");
    private static final List<String> PROBLEMS = List.of(
            "is very slow since this morning",
            "fails with an authentication error",
            "does not start after the update",
            "shows an empty page",
            "needs access for the new team",
            "times out for remote staff",
            "reports wrong totals",
            "stopped syncing overnight");
    private static final List<String> TAGS =
            List.of("network", "email", "access", "hardware", "reporting", "devops", "onboarding", "meetings");

    private TestBackend backend;
    private TrackingScheduler scheduler;
    private MainViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        backend = TestBackend.start();
        seedAHelpdesk();
        TestBackend.Device alice = backend.device("alice-laptop", "alice");
        aConflictingEdit(alice);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new TrackingScheduler();
        MainWindow window = MainWindow.show(stage, alice.replica(), alice.engine(), scheduler);
        model = window.model();
        scene = window.scene();
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
        backend.close();
    }

    @Test
    void renders_the_main_window_and_the_comments_of_a_selected_ticket_to_png(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx(() -> model.rows().stream()
                                .filter(ticket -> ticket.key() != null)
                                .count())
                        == TICKETS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robot.lookup(".label")
                        .match((Labeled label) ->
                                label.getText() != null && label.getText().startsWith("Online"))
                        .tryQuery()
                        .isPresent());
        Ticket showcase = fx(() -> model.rows().stream()
                .filter(ticket -> ticket.title().equals(SHOWCASE))
                .findFirst()
                .orElseThrow());
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.selectedProperty().set(showcase));
        scheduler.settle();
        assertThat(fx(() -> model.comments().size())).isEqualTo(3);

        Path main = OUT.resolve("main-window.png");
        Screenshot.save(fx(() -> scene.snapshot(null)), main);
        WaitForAsyncUtils.waitForAsyncFx(
                10_000,
                () -> robot.lookup(".tab-pane")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .select(1));
        scheduler.settle();
        Path comments = OUT.resolve("detail-comments.png");
        Screenshot.save(fx(() -> scene.snapshot(null)), comments);

        robot.clickOn(robot.lookup(".label")
                .match((Labeled label) -> "Conflicts".equals(label.getText()))
                .queryLabeled());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> robot.lookup(".button")
                        .match((Labeled label) -> "Keep mine".equals(label.getText()))
                        .tryQuery()
                        .isPresent());
        scheduler.settle();
        Path conflicts = OUT.resolve("conflict-inbox.png");
        Screenshot.save(fx(() -> scene.snapshot(null)), conflicts);

        assertIsAScreenshot(main);
        assertIsAScreenshot(comments);
        assertIsAScreenshot(conflicts);
    }

    /**
     * Alice synced the showcase, then edited its description offline while bob rewrote it: her edit is refused when
     * the window syncs, and waits in her conflict inbox.
     */
    private void aConflictingEdit(TestBackend.Device alice) throws IOException {
        alice.engine().syncOnce();
        Ticket showcase = alice.replica().tickets().stream()
                .filter(ticket -> ticket.title().equals(SHOWCASE))
                .findFirst()
                .orElseThrow();
        TestBackend.Device bob = backend.device("bob-desktop", "bob");
        bob.engine().syncOnce();
        run(
                bob.replica(),
                EditFields.of(
                        showcase.id(),
                        EditableField.DESCRIPTION,
                        FieldEdit.from(
                                showcase.description(),
                                "Affects everyone working from home since the 9:00 client rollout; the office is"
                                        + " fine. The new VPN certificate is not trusted by the old client.")));
        bob.engine().syncOnce();
        alice.replica()
                .execute(EditFields.of(
                        showcase.id(),
                        EditableField.DESCRIPTION,
                        FieldEdit.from(
                                showcase.description(),
                                "Remote staff lose the VPN every few minutes since the 9:00 client rollout."
                                        + " Workaround: reconnect with the old profile.")));
    }

    private static void assertIsAScreenshot(Path png) throws IOException {
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a readable PNG", png).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(700);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size())
                .as("distinct colours in %s (text, icons, theme)", png)
                .isGreaterThan(50);
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    /** Thirty tickets from bob and carol, some assigned to alice and under way, with comments and an internal note. */
    private void seedAHelpdesk() throws IOException {
        TestBackend.Device bob = backend.device("bob-laptop", "bob");
        TestBackend.Device carol = backend.device("carol-laptop", "carol");
        Random random = new Random(7);

        UUID vpn = Ids.newId();
        run(
                bob.replica(),
                new CreateTicket(
                        vpn,
                        SHOWCASE,
                        "Affects everyone working from home; people in the office are fine. Started after the 9:00"
                                + " client rollout.",
                        Priority.P1,
                        TicketType.INCIDENT,
                        List.of("vpn", "network"),
                        "alice",
                        null,
                        null,
                        null),
                new AddComment(
                        Ids.newId(), vpn, "I can reproduce this from my home office as well.", Visibility.PUBLIC),
                Transition.to(vpn, Status.IN_PROGRESS),
                new AddComment(
                        Ids.newId(),
                        vpn,
                        "Collected the client logs; looks like the new certificate is not trusted.",
                        Visibility.PUBLIC),
                new AddComment(
                        Ids.newId(),
                        vpn,
                        "Vendor ticket opened, reference VX-2281. Do not share with the user yet.",
                        Visibility.INTERNAL));

        for (int i = 1; i < TICKETS; i++) {
            TestBackend.Device reporter = i % 3 == 0 ? carol : bob;
            UUID id = Ids.newId();
            String assignee = i % 4 == 0 ? "alice" : i % 5 == 0 ? "bob" : null;
            run(
                    reporter.replica(),
                    new CreateTicket(
                            id,
                            SUBJECTS.get(i % SUBJECTS.size()) + " " + PROBLEMS.get(random.nextInt(PROBLEMS.size())),
                            "Reported by the service desk phone line; several people are affected.",
                            Priority.values()[random.nextInt(4)],
                            TicketType.values()[random.nextInt(4)],
                            List.of(TAGS.get(random.nextInt(TAGS.size()))),
                            assignee,
                            null,
                            null,
                            null));
            if (i % 2 == 0) {
                run(reporter.replica(), Transition.to(id, Status.TRIAGED));
            }
            if (assignee != null && i % 8 == 0) {
                run(reporter.replica(), Transition.to(id, Status.IN_PROGRESS));
            }
            if (i % 7 == 0) {
                run(
                        reporter.replica(),
                        new AddComment(Ids.newId(), id, "Asked the user for a screenshot.", Visibility.PUBLIC));
            }
        }
        bob.engine().syncOnce();
        carol.engine().syncOnce();
    }

    private static void run(Replica replica, Command... commands) {
        for (Command command : commands) {
            assertThat(replica.execute(command).rejection())
                    .as("seeding %s", command)
                    .isNull();
        }
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }
}
