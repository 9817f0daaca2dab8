package dev.ticketsync.desktop.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.ui.MainWindow;
import dev.ticketsync.desktop.ui.common.FxScheduler;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Ids;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The conflict inbox in the real window against a real server: alice's offline edit of a description bob changed
 * first is refused, shows in the inbox with the server's reason and both texts, and "Keep mine" puts her text on the
 * server.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictInboxWindowTest {

    private static final Duration SYNC = Duration.ofSeconds(30);
    private static final String BASE = "Laptop will not boot.";
    private static final String THEIRS = BASE + " Battery swapped, still dead.";
    private static final String MINE = "Laptop will not boot after the BIOS update.";

    private TestBackend backend;
    private TestBackend.Device bob;
    private FxScheduler scheduler;
    private final UUID laptop = Ids.newId();

    @Start
    void start(Stage stage) throws Exception {
        backend = TestBackend.start();
        bob = backend.device("bob-laptop", "bob");
        bob.replica().execute(CreateTicket.of(laptop, "Laptop dead"));
        bob.replica().execute(description(null, BASE));
        bob.engine().syncOnce();
        TestBackend.Device alice = backend.device("alice-laptop", "alice");
        alice.engine().syncOnce();
        bob.replica().execute(description(BASE, THEIRS));
        bob.engine().syncOnce();
        alice.replica().execute(description(BASE, MINE));

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new FxScheduler();
        MainWindow.show(stage, alice.replica(), alice.engine(), scheduler);
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
        backend.close();
    }

    @Test
    void a_refused_edit_shows_in_the_inbox_with_both_texts_and_keep_mine_puts_mine_on_the_server(FxRobot robot)
            throws Exception {
        await().atMost(SYNC)
                .until(() -> robot.lookup(".count-badge")
                        .match(hasText("1"))
                        .tryQuery()
                        .isPresent());

        robot.clickOn(robot.lookup(".label").match(hasText("Conflicts")).queryLabeled());
        await().atMost(SYNC)
                .until(() -> robot.lookup(".label")
                        .match((Labeled text) ->
                                text.getText() != null && text.getText().contains("was changed by bob"))
                        .tryQuery()
                        .isPresent());
        assertThat(robot.lookup(".text-area")
                        .match(area -> MINE.equals(textOf(area)))
                        .tryQuery())
                .isPresent();
        assertThat(robot.lookup(".text-area")
                        .match(area -> THEIRS.equals(textOf(area)))
                        .tryQuery())
                .isPresent();

        robot.clickOn(robot.lookup(".button").match(hasText("Keep mine")).queryLabeled());

        await().atMost(SYNC).until(() -> {
            bob.engine().syncOnce();
            return MINE.equals(bob.replica().ticket(laptop).orElseThrow().description());
        });
        await().atMost(SYNC)
                .until(() -> robot.lookup(".label")
                        .match(hasText("No conflicts: the server accepted every change you made."))
                        .tryQuery()
                        .isPresent());
    }

    private EditFields description(String base, String value) {
        return EditFields.of(laptop, EditableField.DESCRIPTION, FieldEdit.from(base, value));
    }

    private static String textOf(javafx.scene.Node node) {
        return node instanceof javafx.scene.control.TextArea area ? area.getText() : null;
    }

    private static Predicate<Labeled> hasText(String text) {
        return labeled -> text.equals(labeled.getText());
    }
}
