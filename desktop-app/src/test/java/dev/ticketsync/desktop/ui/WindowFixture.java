package dev.ticketsync.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.ProfileSessions;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.connect.ConnectViewModel;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the connect and account UI tests share: the app's window on the test's stage, over profiles in a temporary
 * directory and (when asked) a real in-process server with a few tickets; signing in; reading the screen. Closes
 * everything it opened.
 */
public final class WindowFixture implements AutoCloseable {

    public static final Duration SYNC = Duration.ofSeconds(30);
    public static final List<String> TITLES =
            List.of("VPN drops every few minutes", "Printer on floor 3 jams", "Outlook asks for the password again");

    private final Stage stage;
    private final TestBackend backend;
    private final Path base;
    private final Profiles profiles;
    private final ProfileSessions opener = new ProfileSessions(Clock.systemUTC());
    private TicketSyncWindow window;

    private WindowFixture(Stage stage, TestBackend backend) throws IOException {
        this.stage = stage;
        this.backend = backend;
        this.base = Files.createTempDirectory("ticketsync-profiles");
        this.profiles = new Profiles(base);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** For {@code @Start}: the stage, and a server on which bob reported {@link #TITLES}. */
    public static WindowFixture withServer(Stage stage) throws IOException {
        TestBackend backend = TestBackend.start();
        seedTickets(backend);
        return new WindowFixture(stage, backend);
    }

    /** For {@code @Start}: the stage, no server. */
    public static WindowFixture withoutServer(Stage stage) throws IOException {
        return new WindowFixture(stage, null);
    }

    public Stage stage() {
        return stage;
    }

    public TestBackend backend() {
        return backend;
    }

    public Path base() {
        return base;
    }

    public Profiles profiles() {
        return profiles;
    }

    public SessionOpener opener() {
        return opener;
    }

    /** The window opened last. */
    public TicketSyncWindow window() {
        return window;
    }

    /** The app's window on the stage, started as {@code TicketSyncApp} starts it. */
    public TicketSyncWindow open(Startup startup) {
        window = fx(() -> {
            TicketSyncWindow opened = new TicketSyncWindow(stage, startup);
            opened.start();
            return opened;
        });
        return window;
    }

    /** Signs {@code login} in (token stored, profile remembered), opens the window on it, waits for the tickets. */
    public Session openSignedIn(String login) {
        Session session = signIn(profiles, backend.url(), login, TestBackend.PASSWORD);
        awaitMainWindowWithTickets(open(Startup.open(profiles, opener, session, null, null)));
        return session;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        try {
            if (window != null) {
                window.close();
            }
            FxToolkit.cleanupStages();
        } finally {
            if (backend != null) {
                backend.close();
            }
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Bob reports a few tickets on the server, so a signed-in window has something to show. */
    public static void seedTickets(TestBackend backend) throws IOException {
        TestBackend.Device bob = backend.device("bob-seeding", "bob");
        for (String title : TITLES) {
            bob.replica()
                    .execute(new CreateTicket(
                            Ids.newId(), title, null, Priority.P3, TicketType.INCIDENT, null, null, null, null, null));
        }
        bob.engine().syncOnce();
    }

    /** Signs in the way the connect dialog does (token stored, profile remembered) and returns the opened profile. */
    public static Session signIn(Profiles profiles, String url, String login, String password) {
        List<Session> opened = new ArrayList<>();
        ConnectViewModel connect =
                new ConnectViewModel(profiles, new ProfileSessions(Clock.systemUTC()), Scheduler.direct(), opened::add);
        connect.prefill(url, login);
        connect.passwordProperty().set(password);
        connect.connect();
        assertThat(connect.problemProperty().get()).as("signing in %s", login).isEmpty();
        return opened.get(0);
    }

    /** Waits until the window shows a main window listing every seeded ticket. */
    public static void awaitMainWindowWithTickets(TicketSyncWindow window) {
        await().atMost(SYNC)
                .until(() -> fx(() -> window.mainWindow() != null
                        && window.mainWindow().model().rows().stream()
                                .map(Ticket::title)
                                .toList()
                                .containsAll(TITLES)));
    }

    public static String text(FxRobot robot, String id) {
        return fx(() -> {
            Node node = robot.lookup(id).query();
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    /** Waits for a button with this text that a person can see (in a showing window), then clicks it. */
    public static void clickButton(FxRobot robot, String text) {
        await().atMost(SYNC).until(() -> visibleButton(robot, text).isPresent());
        robot.clickOn(visibleButton(robot, text).orElseThrow());
    }

    private static Optional<Button> visibleButton(FxRobot robot, String text) {
        return fx(() -> robot.lookup(".button")
                .match((Button button) -> text.equals(button.getText())
                        && button.isVisible()
                        && !button.isDisabled()
                        && button.getScene() != null
                        && button.getScene().getWindow() != null
                        && button.getScene().getWindow().isShowing())
                .tryQuery()
                .map(Button.class::cast));
    }

    /** True when the node is on the stage's scene and it and every parent are visible. */
    public static boolean showing(FxRobot robot, String id) {
        return fx(() -> {
            Optional<Node> found = robot.lookup(id).tryQuery();
            if (found.isEmpty()
                    || found.get().getScene() == null
                    || found.get().getScene().getWindow() == null) {
                return false;
            }
            for (Node node = found.get(); node != null; node = node.getParent()) {
                if (!node.isVisible()) {
                    return false;
                }
            }
            return found.get().getScene().getWindow().isShowing();
        });
    }

    public static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(20_000, read);
    }
}
