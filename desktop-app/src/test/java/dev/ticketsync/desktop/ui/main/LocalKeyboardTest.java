package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
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

/**
 * The keyboard without a server: ? lists every shortcut (from the same table the keys are handled by), Ctrl+K runs
 * any action by name, Ctrl+Z takes back the last triage action.
 */
@ExtendWith(ApplicationExtension.class)
class LocalKeyboardTest {

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
        MainView view = new MainView(model, Map.of());
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

    @Test
    void ctrl_k_finds_an_action_by_name_and_enter_runs_it_on_the_selected_ticket(FxRobot robot) {
        selectTheTicket(robot);

        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup(".palette-backdrop")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false));
        robot.write("critical");
        robot.type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(10)).until(() -> priority() == Priority.P1);
        assertThat(robot.lookup(".palette-backdrop").query().isVisible())
                .as("the palette closes when it runs the action")
                .isFalse();
    }

    @Test
    void ctrl_z_takes_back_the_last_priority_change(FxRobot robot) {
        selectTheTicket(robot);
        robot.type(KeyCode.DIGIT2);
        await().atMost(Duration.ofSeconds(10)).until(() -> priority() == Priority.P2);

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);

        await().atMost(Duration.ofSeconds(10)).until(() -> priority() == Priority.P3);
        assertThat(replica.pending()).as("withdrawn: only the create is left").hasSize(1);
    }

    @Test
    void tab_in_the_query_bar_completes_the_term_being_typed(FxRobot robot) {
        selectTheTicket(robot);
        robot.type(KeyCode.SLASH);
        robot.write("prio");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robot.lookup("#query-completions")
                        .queryLabeled()
                        .getText()
                        .contains("priority:"));

        robot.type(KeyCode.TAB);
        robot.write("p1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> model.queryProperty().get().equals("priority:p1"));
    }

    private void selectTheTicket(FxRobot robot) {
        scheduler.settle();
        robot.clickOn(robot.lookup(".table-cell")
                .match(hasText("Badge reader at the front door"))
                .queryLabeled());
    }

    private Priority priority() {
        return replica.ticket(ticket).orElseThrow().priority();
    }
}
