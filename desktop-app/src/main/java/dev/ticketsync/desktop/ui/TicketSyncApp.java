package dev.ticketsync.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.ui.common.FxScheduler;
import dev.ticketsync.desktop.ui.main.MainView;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: theme, main window, and shutting everything down when the window closes. */
public final class TicketSyncApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSyncApp.class);
    private static volatile Startup startup;

    private FxScheduler scheduler;

    /** Hands the prepared session to the application JavaFX instantiates, then launches it (blocks until closed). */
    public static void launch(Startup prepared) {
        startup = Objects.requireNonNull(prepared);
        Application.launch(TicketSyncApp.class);
    }

    @Override
    public void start(Stage stage) {
        boolean dark =
                "dark".equalsIgnoreCase(System.getProperty("ticketsync.theme", System.getenv("TICKETSYNC_THEME")));
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        scheduler = new FxScheduler();
        MainViewModel model = new MainViewModel(startup.replica(), scheduler);
        MainView view = new MainView(model);
        startup.engine().onStatus(model::syncStatus);
        Scene scene = new Scene(view.node(), 1280, 800);
        scene.getStylesheets()
                .add(Objects.requireNonNull(TicketSyncApp.class.getResource("ticketsync.css"))
                        .toExternalForm());
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
        model.reload();
        startup.engine().start();
        if (startup.screenshot() != null) {
            Screenshot.whenSynced(scene, startup.engine(), startup.screenshot(), model);
        }
    }

    @Override
    public void stop() {
        LOG.debug("closing");
        startup.engine().close();
        LOG.debug("sync engine stopped");
        startup.replica().close();
        LOG.debug("replica closed");
        if (scheduler != null) {
            scheduler.close();
        }
        try {
            if (startup.alsoClose() != null) {
                startup.alsoClose().close();
            }
        } catch (Exception e) {
            LOG.warn("could not stop the demo server cleanly", e);
        }
    }
}
