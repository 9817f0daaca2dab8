package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.ui.account.SessionSwitch;
import dev.ticketsync.desktop.ui.account.UserMenu;
import dev.ticketsync.desktop.ui.account.UserMenuViewModel;
import dev.ticketsync.desktop.ui.common.FxScheduler;
import dev.ticketsync.desktop.ui.connect.ConnectView;
import dev.ticketsync.desktop.ui.connect.ConnectViewModel;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one window: the connect dialog, or a profile's main window with the user menu — and the switches between
 * them (sign in, log out, switch profile), all in the same window. At most one profile is open: the old session is
 * closed (engine stopped, replica closed) before the next one opens, on one background thread, in order.
 */
public final class TicketSyncWindow implements SessionSwitch, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSyncWindow.class);

    private final Stage stage;
    private final Startup startup;
    /** Sign-in, sign-out and switching: one at a time, in order, off the FX thread. */
    private final FxScheduler accounts = new FxScheduler();

    private final AtomicReference<Opened> current = new AtomicReference<>();
    private boolean screenshotArmed;

    /** An open profile: its session, the scheduler of its view models, and its main window. */
    private record Opened(Session session, FxScheduler scheduler, MainWindow window) {}

    public TicketSyncWindow(Stage stage, Startup startup) {
        this.stage = stage;
        this.startup = startup;
    }

    /** Shows the startup's profile, or the connect dialog. */
    public void start() {
        if (startup.opening() != null) {
            showMain(startup.session());
        } else {
            showConnect(startup.server(), startup.login(), "", false);
        }
    }

    /** The main window on show, if a profile is open. */
    public MainWindow mainWindow() {
        Opened opened = current.get();
        return opened == null ? null : opened.window();
    }

    @Override
    public void signedOut(Profile profile, String note) {
        showConnect(profile.serverUrl(), profile.login(), note, false);
        accounts.background(this::closeCurrent);
    }

    @Override
    public void open(Profile profile) {
        showOpening("Opening " + profile.label() + "…");
        accounts.background(() -> {
            closeCurrent();
            try {
                String token = startup.profiles()
                        .tokens(profile)
                        .read()
                        .orElseThrow(() -> new IOException("the profile is signed out"));
                Session session = startup.opener().open(profile, token);
                startup.profiles().remember(profile);
                accounts.ui(() -> showMain(session));
            } catch (IOException e) {
                accounts.ui(() -> showConnect(
                        profile.serverUrl(),
                        profile.login(),
                        "Cannot open " + profile.label() + ": " + e.getMessage(),
                        false));
            }
        });
    }

    @Override
    public void connect(String serverUrl, String login) {
        showConnect(serverUrl, login, "", true);
    }

    private void showConnect(String serverUrl, String login, String note, boolean canGoBack) {
        // The open profile (if any) is closed only once the new sign-in succeeded, just before the new one opens.
        SessionOpener replacing = (profile, token) -> {
            closeCurrent();
            return startup.opener().open(profile, token);
        };
        ConnectViewModel model = new ConnectViewModel(startup.profiles(), replacing, accounts, this::showMain);
        model.prefill(serverUrl, login);
        model.tell(note);
        ConnectView view = new ConnectView(model, canGoBack ? "Back" : "Quit", () -> {
            Opened opened = current.get();
            if (canGoBack && opened != null) {
                stage.setScene(opened.window().scene());
            } else {
                stage.close();
            }
        });
        setScene(view.node(), 560, 680);
        view.focusFirstEmpty();
    }

    private void showMain(Session session) {
        Opened previous = current.getAndSet(null);
        if (previous != null) {
            LOG.warn(
                    "a profile was still open when {} opened; closing it",
                    session.profile().label());
            accounts.background(() -> close(previous));
        }
        FxScheduler scheduler = new FxScheduler();
        UserMenu menu = new UserMenu(new UserMenuViewModel(session, startup.profiles(), accounts, this));
        boolean wasSmall = stage.isShowing() && stage.getWidth() < 1000;
        MainWindow window =
                MainWindow.show(stage, session.replica(), session.engine(), scheduler, header(session, menu.node()));
        current.set(new Opened(session, scheduler, window));
        if (wasSmall) {
            stage.sizeToScene();
            stage.centerOnScreen();
        }
        if (startup.screenshot() != null && !screenshotArmed) {
            screenshotArmed = true;
            Screenshot.whenSynced(window.scene(), session.engine(), startup.screenshot(), window.model());
        }
        if (ListShownProbe.requested()) {
            ListShownProbe.exitWhenShown(window.scene(), window.model());
        }
    }

    /** While a profile opens: a spinner and what is happening. */
    private void showOpening(String what) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(32, 32);
        VBox opening = new VBox(12, spinner, new Label(what));
        opening.setAlignment(Pos.CENTER);
        opening.getStyleClass().add("connect-view");
        setScene(opening, 560, 680);
    }

    private void setScene(Parent root, double width, double height) {
        Scene scene = stage.isShowing()
                ? new Scene(root, stage.getScene().getWidth(), stage.getScene().getHeight())
                : new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.stylesheet());
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
    }

    /** The top bar: the app, the profile, and the user menu on the right. */
    private static Node header(Session session, Node userMenu) {
        FontIcon logo = new FontIcon(Feather.INBOX);
        logo.getStyleClass().add("app-logo");
        Label name = new Label("TicketSync");
        name.getStyleClass().add("app-name");
        Label where = new Label(session.profile().hostAndPort());
        where.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, logo, name, where, spacer, userMenu);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 12));
        bar.getStyleClass().add("app-header");
        return bar;
    }

    /** Closes the open profile, if any; on the accounts thread (or at exit). */
    private void closeCurrent() {
        Opened opened = current.getAndSet(null);
        if (opened != null) {
            close(opened);
        }
    }

    private static void close(Opened opened) {
        opened.session().engine().close();
        // View-model work already queued for this replica runs first; anything later is refused by the closed queue.
        CountDownLatch drained = new CountDownLatch(1);
        opened.scheduler().background(drained::countDown);
        opened.scheduler().close();
        try {
            if (!drained.await(10, TimeUnit.SECONDS)) {
                LOG.warn(
                        "view-model work on {} did not finish in 10 s",
                        opened.session().profile().label());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        opened.session().close();
        LOG.debug("closed {}", opened.session().profile().label());
    }

    /** Closes the open profile and the background thread; at exit. */
    @Override
    public void close() {
        closeCurrent();
        accounts.close();
    }
}
