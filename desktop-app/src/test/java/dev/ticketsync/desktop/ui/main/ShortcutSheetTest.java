package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** ? lists every shortcut, from the same table the keys are handled by. Local only: no server needed. */
@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {

    private Replica replica;
    private TrackingScheduler scheduler;
    private MainViewModel model;
    private final UUID ticket = Ids.newId();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("ticketsync-palette");
        replica = Replica.open(dir, "http://127.0.0.1:1", "alice", Role.AGENT, Clock.systemUTC());
        replica.execute(CreateTicket.of(ticket, "Badge reader at the front door"));
        scheduler = new TrackingScheduler();
        model = new MainViewModel(replica, scheduler);
        MainView view = new MainView(model);
        stage.setScene(new Scene(view.node(), 1280, 800));
        stage.show();
        model.reload();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
        replica.close();
    }

    @Test
    void question_mark_lists_every_shortcut(FxRobot robot) {
        scheduler.settle();
        robot.clickOn(robot.lookup(".table-cell")
                .match(hasText("Badge reader at the front door"))
                .queryLabeled());
        robot.press(KeyCode.SHIFT).press(KeyCode.SLASH).release(KeyCode.SLASH).release(KeyCode.SHIFT);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup(".label")
                        .match(hasText("Assign to me"))
                        .tryQuery()
                        .isPresent());
        for (String label : new String[] {"Next ticket", "Change status…", "New ticket"}) {
            assertThat(robot.lookup(".label").match(hasText(label)).tryQuery())
                    .as(label)
                    .isPresent();
        }
    }
}
