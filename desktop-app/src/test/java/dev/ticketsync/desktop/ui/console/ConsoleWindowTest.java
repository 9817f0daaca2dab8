package dev.ticketsync.desktop.ui.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.ui.main.TrackingScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sync console and the audit browser in a real window (headless Monocle), as a lead sees them, against the real
 * server of {@link ConsoleScenario}; bob's sync engine runs, so his laptop is online, while alice's desktop is offline
 * and one change behind.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleWindowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static ConsoleScenario scenario;

    private TrackingScheduler scheduler;
    private SyncConsoleView console;
    private AuditBrowserView audit;

    @BeforeAll
    static void startTheServer() {
        scenario = ConsoleScenario.start();
        scenario.bob.engine().start();
    }

    @AfterAll
    static void stopTheServer() {
        scenario.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new TrackingScheduler();
        console = new SyncConsoleView(new SyncConsoleViewModel(scenario.lead(), scheduler, Clock.systemDefaultZone()));
        audit = new AuditBrowserView(
                new AuditBrowserViewModel(scenario.lead(), scheduler, ZoneId.systemDefault(), 100));
        TabPane views = new TabPane(new Tab("Sync console", console.node()), new Tab("Audit log", audit.node()));
        Scene scene = new Scene(views, 1200, 760);
        scene.getStylesheets()
                .add(Objects.requireNonNull(
                                SyncConsoleView.class.getResource("/dev/ticketsync/desktop/ui/ticketsync.css"))
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        console.start();
        audit.start();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            console.stop();
            audit.stop();
        });
        FxToolkit.cleanupStages();
        scheduler.close();
    }

    @Test
    void the_devices_table_lists_both_devices_with_their_users_lag_and_who_is_online(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> fx(() -> rowWith(robot, "bob").contains("Online")));

        List<String> alice = fx(() -> rowWith(robot, "alice"));
        List<String> bob = fx(() -> rowWith(robot, "bob"));
        long behind = scenario.head() - scenario.alice.replica().cursor();
        assertThat(alice)
                .contains(behind + " behind", "Offline", "#1")
                .contains(scenario.alice.replica().clientId().toString().substring(0, 8));
        assertThat(bob).contains("up to date", "Online", "#5");
        assertThat(fx(() -> labels(robot))).contains("Devices · 2");
        assertThat(fx(() -> labels(robot))).contains("2 devices · 1 online · 1 behind");
    }

    @Test
    void the_stat_cards_show_the_head_and_the_connected_devices(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> fx(() -> labels(robot).contains("CONNECTED DEVICES")));
        await().atMost(PATIENCE)
                .until(() -> fx(() -> card(robot, "CONNECTED DEVICES")).equals("1"));

        assertThat(fx(() -> card(robot, "HEAD SEQ"))).isEqualTo(Long.toString(scenario.head()));
        assertThat(fx(() -> card(robot, "TICKETS"))).isEqualTo("3");
    }

    @Test
    void a_rejected_push_appears_in_rejections_with_user_ticket_and_command(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> fx(() -> labels(robot).contains("Rejections · 1")));

        List<String> rejection = fx(() -> rowWith(robot, scenario.printerKey));
        assertThat(rejection).contains("alice", "transition");
        assertThat(String.join(" ", rejection)).containsPattern("[A-Z_]+ — .+");
    }

    @Test
    void the_audit_browser_filters_by_ticket_and_verify_chain_says_ok(FxRobot robot) {
        selectTab(robot, "Audit log");
        TextField ticket = robot.lookup((TextField field) -> "Ticket, e.g. OPS-42".equals(field.getPromptText()))
                .query();
        robot.clickOn(ticket).write(scenario.printerKey).type(KeyCode.ENTER);
        scheduler.settle();

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<List<String>> rows = fx(() -> rows(robot));
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(scenario.printerKey));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("Ticket created", "bob"));
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("Ticket cancelled"));
        });

        robot.clickOn("Verify chain");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(fx(() -> labels(robot)))
                        .anyMatch(text -> text.matches("Chain intact · \\d+ entries verified")));
    }

    /** Last: the server comes back, but its per-minute counters start again from zero. */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_stopped_server_shows_the_error_line_and_a_restart_clears_it(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> fx(() -> labels(robot).contains("2 devices · 1 online · 1 behind")));
        Message error = robot.lookup(".console-error").queryAs(Message.class);
        assertThat(fx(error::isVisible)).isFalse();

        scenario.backend.stopServer();
        try {
            await().atMost(PATIENCE).until(() -> fx(error::isVisible));
            assertThat(fx(error::getDescription))
                    .startsWith("Server unreachable: ")
                    .contains("showing data from");
            assertThat(fx(() -> rowWith(robot, "alice")))
                    .as("the last data stays on screen")
                    .isNotEmpty();
        } finally {
            scenario.backend.restartServer();
        }
        await().atMost(PATIENCE).until(() -> !fx(error::isVisible));
    }

    /** Clicks a tab's header (a title of the same text may stand elsewhere, in a hidden tab). */
    private static void selectTab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-label")
                .match((Labeled label) -> title.equals(label.getText()))
                .<Node>query());
    }

    /** Every text shown in a table row that shows {@code text}, or nothing. */
    private static List<String> rowWith(FxRobot robot, String text) {
        return rows(robot).stream()
                .filter(row -> row.contains(text))
                .findFirst()
                .orElse(List.of());
    }

    private static List<List<String>> rows(FxRobot robot) {
        List<List<String>> rows = new ArrayList<>();
        for (TableRow<?> row : robot.lookup(".table-row-cell").queryAllAs(TableRow.class)) {
            if (row.getItem() != null && row.isVisible() && row.getTableView().getScene() != null && isShowing(row)) {
                rows.add(texts(row));
            }
        }
        return rows;
    }

    /** A row in the tab on screen: a TabPane keeps the other tabs' content in the scene graph, hidden. */
    private static boolean isShowing(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(Parent parent) {
        List<String> texts = new ArrayList<>();
        for (String kind : List.of(".table-cell", ".label")) {
            for (Node node : parent.lookupAll(kind)) {
                if (node instanceof Labeled labeled
                        && labeled.getText() != null
                        && !labeled.getText().isEmpty()) {
                    texts.add(labeled.getText());
                }
            }
        }
        return texts;
    }

    private static List<String> labels(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .filter(ConsoleWindowTest::isShowing)
                .map(Labeled::getText)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The value on the stat card named {@code name}. */
    private static String card(FxRobot robot, String name) {
        for (Node card : robot.lookup(".stat-card").queryAll()) {
            List<String> texts = texts((Parent) card);
            if (texts.contains(name)) {
                return texts.get(texts.indexOf(name) + 1);
            }
        }
        return "";
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }
}
