package dev.ticketsync.desktop.ui.main;

import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.ui.MainWindow;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Ticket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Overview tab edits in place: title, assignee and tags typed in the window reach the server. */
@ExtendWith(ApplicationExtension.class)
class OverviewEditingTest {

    private static final Duration SYNC = Duration.ofSeconds(30);

    private TestBackend backend;
    private TestBackend.Device bob;
    private TrackingScheduler scheduler;
    private final UUID printer = Ids.newId();

    @Start
    void start(Stage stage) throws Exception {
        backend = TestBackend.start();
        bob = backend.device("bob-laptop", "bob");
        bob.replica().execute(CreateTicket.of(printer, "Printer jams"));
        bob.engine().syncOnce();
        TestBackend.Device alice = backend.device("alice-laptop", "alice");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new TrackingScheduler();
        MainWindow.show(stage, alice.replica(), alice.engine(), scheduler);
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
        backend.close();
    }

    @Test
    void title_assignee_and_tags_edited_in_the_overview_reach_the_server(FxRobot robot) {
        await().atMost(SYNC)
                .until(() -> robot.lookup(".table-cell")
                        .match((Labeled cell) -> "Printer jams".equals(cell.getText()))
                        .tryQuery()
                        .isPresent());
        robot.clickOn(robot.lookup(".table-cell")
                .match((Labeled cell) -> "Printer jams".equals(cell.getText()))
                .queryLabeled());
        scheduler.settle();

        TextField title = robot.lookup("#overview-title").queryAs(TextField.class);
        robot.doubleClickOn(title);
        WaitForAsyncUtils.waitForAsyncFx(10_000, title::selectAll);
        robot.write("Printer on floor 3 jams");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            ComboBox<?> assignee = robot.lookup(
                            (ComboBox<?> box) -> box.getItems().contains("Unassigned"))
                    .queryAs(ComboBox.class);
            @SuppressWarnings("unchecked")
            ComboBox<String> logins = (ComboBox<String>) assignee;
            logins.setValue("bob");
        });
        TextField tags = robot.lookup((TextField field) ->
                        field.getPromptText() != null && field.getPromptText().startsWith("comma-separated"))
                .queryAs(TextField.class);
        robot.clickOn(tags).write("vpn, Remote");
        robot.type(KeyCode.ENTER);

        await().atMost(SYNC).until(() -> {
            bob.engine().syncOnce();
            Optional<Ticket> seen = bob.replica().ticket(printer);
            return seen.map(t -> t.title().equals("Printer on floor 3 jams")
                            && "bob".equals(t.assignee())
                            && t.tags().contains("vpn")
                            && t.tags().contains("remote"))
                    .orElse(false);
        });
    }
}
