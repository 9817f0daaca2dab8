package dev.ticketsync.desktop.ui.console;

import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.ui.MainWindow;
import dev.ticketsync.desktop.ui.main.TrackingScheduler;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sync console as a lead reaches it in the real main window: the sidebar offers it (agents do not get it), and
 * with two devices synced — bob's laptop and carol's own desktop — the devices table counts both.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleInMainWindowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TestBackend backend;
    private static TestBackend.Device carol;
    private TrackingScheduler scheduler;

    /** The server and both devices come up before the window: @Start runs on the JavaFX thread, under a time limit. */
    @BeforeAll
    static void twoDevices() throws Exception {
        backend = TestBackend.start();
        TestBackend.Device bob = backend.device("bob-laptop", "bob");
        bob.replica().execute(CreateTicket.of(Ids.newId(), "Printer on floor 3 jams"));
        bob.engine().syncOnce();
        carol = backend.device("carol-desktop", "carol");
    }

    @AfterAll
    static void stopServer() {
        backend.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new TrackingScheduler();
        MainWindow.show(stage, carol.replica(), carol.engine(), scheduler);
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
    }

    @Test
    void a_lead_opens_the_sync_console_from_the_sidebar_and_it_lists_both_devices(FxRobot robot) {
        await().atMost(PATIENCE)
                .until(() -> robot.lookup(".label")
                        .match((Labeled label) -> "Sync console".equals(label.getText()))
                        .tryQuery()
                        .isPresent());

        robot.clickOn(robot.lookup(".label")
                .match((Labeled label) -> "Sync console".equals(label.getText()))
                .queryLabeled());

        await().atMost(PATIENCE)
                .until(() -> robot.lookup(".label")
                        .match((Labeled label) -> "Devices · 2".equals(label.getText()) && label.isVisible())
                        .tryQuery()
                        .isPresent());
    }
}
