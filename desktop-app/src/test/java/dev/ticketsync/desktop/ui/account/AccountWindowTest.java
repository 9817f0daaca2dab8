package dev.ticketsync.desktop.ui.account;

import static dev.ticketsync.desktop.ui.WindowFixture.awaitMainWindowWithTickets;
import static dev.ticketsync.desktop.ui.WindowFixture.clickButton;
import static dev.ticketsync.desktop.ui.WindowFixture.fx;
import static dev.ticketsync.desktop.ui.WindowFixture.showing;
import static dev.ticketsync.desktop.ui.WindowFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.ui.AppWindowTest;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.WindowFixture;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.io.IOException;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The user menu, headless (Monocle), in the app's window against a real in-process server: change password, log out
 * (with and without unsynced changes), switch profile — each a person's whole path through the screens.
 */
class AccountWindowTest extends AppWindowTest {

    private static final String NEW_PASSWORD = "brand-new-secret-7";

    @Override
    protected WindowFixture fixture(Stage stage) throws IOException {
        return WindowFixture.withServer(stage);
    }

    @Test
    void change_the_password_log_out_and_sign_in_with_the_new_one(FxRobot robot) throws IOException {
        Session alice = app.openSignedIn("alice");
        Profile profile = alice.profile();

        robot.clickOn("#user-menu").clickOn("Change password…");
        robot.clickOn("#current-password").write(TestBackend.PASSWORD);
        robot.clickOn("#new-password").write("short");
        robot.clickOn("#repeat-password").write("short");
        clickButton(robot, "Change password");
        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#new-password-error"));
        assertThat(text(robot, "#new-password-error")).isEqualTo("New password must be at least 8 characters");

        robot.doubleClickOn("#new-password").eraseText(5).write(NEW_PASSWORD);
        robot.doubleClickOn("#repeat-password").eraseText(5).write(NEW_PASSWORD);
        clickButton(robot, "Change password");
        await().atMost(WindowFixture.SYNC)
                .until(() ->
                        robot.lookup("Your password was changed.").tryQuery().isPresent());
        clickButton(robot, "OK");

        robot.clickOn("#user-menu").clickOn("Log out");
        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#connect"));
        assertThat(app.profiles().tokens(profile).path())
                .as("the token file is gone")
                .doesNotExist();
        assertThat(text(robot, "#login")).isEqualTo("alice");
        assertThat(text(robot, "#server")).isEqualTo(app.backend().url());

        robot.clickOn("#password").write(TestBackend.PASSWORD).type(KeyCode.ENTER);
        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#problem"));
        assertThat(text(robot, "#problem"))
                .as("the old password no longer works")
                .isEqualTo("Wrong login or password.");

        robot.doubleClickOn("#password")
                .eraseText(TestBackend.PASSWORD.length())
                .write(NEW_PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitMainWindowWithTickets(app.window());
        assertThat(app.profiles().tokens(profile).read()).isPresent();
    }

    @Test
    void logging_out_with_an_unsynced_change_warns_and_the_change_syncs_after_signing_in_again(FxRobot robot)
            throws IOException {
        Session alice = app.openSignedIn("alice");
        app.backend().stopServer();
        String refusal = fx(() -> app.window()
                .mainWindow()
                .model()
                .actions()
                .create("Written while the server was down", "", Priority.P2, TicketType.TASK));
        assertThat(refusal).isNull();
        await().atMost(WindowFixture.SYNC).until(() -> alice.engine().status().pending() == 1);

        robot.clickOn("#user-menu").clickOn("Log out");
        await().atMost(WindowFixture.SYNC)
                .until(() -> robot.lookup("Log out with unsynced changes?")
                        .tryQuery()
                        .isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .isEqualTo("1 change is not synced yet. They stay on this computer and sync after you sign in again"
                        + " as alice.");
        clickButton(robot, "Log out");

        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#connect"));
        assertThat(text(robot, "#problem"))
                .startsWith("Signed out on this computer.")
                .contains("127.0.0.1:" + app.backend().port());
        assertThat(app.profiles().tokens(alice.profile()).path()).doesNotExist();

        app.backend().restartServer();
        robot.clickOn("#password").write(TestBackend.PASSWORD).type(KeyCode.ENTER);
        awaitMainWindowWithTickets(app.window());
        await().atMost(WindowFixture.SYNC)
                .until(() -> fx(() -> app.window().mainWindow().model().rows().stream()
                        .filter(ticket -> ticket.title().equals("Written while the server was down"))
                        .map(Ticket::key)
                        .anyMatch(key -> key != null && key.startsWith("OPS-"))));
    }

    @Test
    void switching_profile_closes_the_open_one_and_opens_the_other_in_the_same_window(FxRobot robot) {
        Session bob = WindowFixture.signIn(app.profiles(), app.backend().url(), "bob", TestBackend.PASSWORD);
        bob.close();
        Session alice = app.openSignedIn("alice");

        robot.clickOn("#user-menu").clickOn("Switch profile");
        robot.clickOn("Bob Agent — bob @ 127.0.0.1:" + app.backend().port());

        await().atMost(WindowFixture.SYNC)
                .until(() -> fx(() -> robot.lookup("#user-menu")
                        .tryQuery()
                        .map(node -> ((MenuButton) node).getText())
                        .orElse("")
                        .equals("Bob Agent")));
        awaitMainWindowWithTickets(app.window());
        assertThat(fx(app.stage()::isShowing)).isTrue();
        assertThatThrownBy(() -> alice.replica().tickets())
                .as("alice's replica was closed")
                .isInstanceOf(RuntimeException.class);
        assertThat(app.profiles().last().orElseThrow().login())
                .as("the next start opens bob")
                .isEqualTo("bob");
    }

    @Test
    void connect_to_another_server_can_go_back_to_the_open_profile(FxRobot robot) {
        app.openSignedIn("alice");

        robot.clickOn("#user-menu").clickOn("Switch profile").clickOn("Connect to another server…");
        await().atMost(WindowFixture.SYNC).until(() -> showing(robot, "#connect"));
        assertThat(text(robot, "#leave")).isEqualTo("Back");
        robot.type(KeyCode.ESCAPE);

        awaitMainWindowWithTickets(app.window());
        assertThat(showing(robot, "#user-menu")).isTrue();
        assertThat(showing(robot, "#connect")).isFalse();
    }
}
