package dev.ticketsync.desktop.ui.connect;

import static dev.ticketsync.desktop.ui.WindowFixture.awaitMainWindowWithTickets;
import static dev.ticketsync.desktop.ui.WindowFixture.fx;
import static dev.ticketsync.desktop.ui.WindowFixture.showing;
import static dev.ticketsync.desktop.ui.WindowFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.desktop.ui.AppWindowTest;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.Startup;
import dev.ticketsync.desktop.ui.TicketSyncWindow;
import dev.ticketsync.desktop.ui.WindowFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The app's start, headless (Monocle), against a real in-process server: the first run's connect dialog, its inline
 * errors, and a later start that opens straight from the replica with the server down.
 */
class ConnectWindowTest extends AppWindowTest {

    private TicketSyncWindow window;

    @Override
    protected WindowFixture fixture(Stage stage) throws IOException {
        return WindowFixture.withServer(stage);
    }

    @Test
    void the_first_run_connects_with_the_dialog_and_shows_the_servers_tickets(FxRobot robot) throws IOException {
        window = app.open(Startup.resume(app.profiles(), app.opener()));
        assertThat(fx(app.stage()::getTitle)).isEqualTo("TicketSync");
        assertThat(showing(robot, "#connect"))
                .as("no profile yet: the connect dialog")
                .isTrue();

        robot.clickOn("#server").write(app.backend().url());
        robot.clickOn("#login").write("alice");
        robot.clickOn("#password").write(TestBackend.PASSWORD);
        robot.type(KeyCode.ENTER);

        awaitMainWindowWithTickets(window);
        assertThat(fx(app.stage()::getTitle)).isEqualTo("TicketSync");
        assertThat(fx(() -> robot.lookup("#user-menu").queryAs(MenuButton.class).getText()))
                .isEqualTo("Alice Agent");
        Profile alice = app.profiles().last().orElseThrow();
        assertThat(alice.login()).isEqualTo("alice");
        assertThat(app.profiles().tokens(alice).read())
                .as("the token is stored")
                .isPresent();
    }

    @Test
    void a_wrong_password_shows_inline_and_stores_nothing(FxRobot robot) throws IOException {
        window = app.open(
                Startup.connect(app.profiles(), app.opener(), app.backend().url(), "alice"));
        assertThat(text(robot, "#server")).isEqualTo(app.backend().url());
        assertThat(text(robot, "#login")).isEqualTo("alice");

        robot.clickOn("#password").write("not-my-password");
        robot.clickOn("#connect");

        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#problem"));
        assertThat(text(robot, "#problem")).isEqualTo("Wrong login or password.");
        assertThat(showing(robot, "#connect")).isTrue();
        assertThat(window.mainWindow()).isNull();
        try (Stream<Path> files = Files.walk(app.base())) {
            assertThat(files.filter(Files::isRegularFile))
                    .as("no token, no profile")
                    .isEmpty();
        }
    }

    @Test
    void a_bad_address_is_named_under_its_field_and_plain_http_is_warned_about(FxRobot robot) {
        window = app.open(Startup.connect(app.profiles(), app.opener(), "", ""));

        robot.clickOn("#server").write("http://tickets.example.com");
        assertThat(showing(robot, "#insecure-warning")).isTrue();
        assertThat(text(robot, "#insecure-warning")).contains("tickets.example.com");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#login-error")).isEqualTo("Login is required");

        robot.doubleClickOn("#server").eraseText(40).write("ftp://tickets.example.com");
        assertThat(showing(robot, "#insecure-warning")).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#server-error")).isEqualTo("Server URL must start with https:// or http://");
    }

    @Test
    void esc_on_the_first_run_dialog_quits(FxRobot robot) {
        window = app.open(Startup.connect(app.profiles(), app.opener(), "", ""));
        assertThat(fx(app.stage()::isShowing)).isTrue();

        robot.clickOn("#login").type(KeyCode.ESCAPE);

        await().atMost(WindowFixture.SYNC).until(() -> !fx(app.stage()::isShowing));
    }

    @Test
    void a_later_start_opens_straight_from_the_replica_with_the_server_down(FxRobot robot) throws IOException {
        Session first = WindowFixture.signIn(app.profiles(), app.backend().url(), "alice", TestBackend.PASSWORD);
        first.engine().syncOnce();
        first.close();
        app.backend().stopServer();
        try {
            window = app.open(Startup.resume(app.profiles(), app.opener()));

            awaitMainWindowWithTickets(window);
            await().atMost(WindowFixture.SYNC)
                    .until(() -> fx(() ->
                            window.mainWindow().model().syncStatusProperty().get() != null
                                    && window.mainWindow()
                                                    .model()
                                                    .syncStatusProperty()
                                                    .get()
                                                    .state()
                                            == SyncState.OFFLINE));
            assertThat(showing(robot, "#connect"))
                    .as("no dialog on a later start")
                    .isFalse();
        } finally {
            app.backend().restartServer();
        }
    }
}
