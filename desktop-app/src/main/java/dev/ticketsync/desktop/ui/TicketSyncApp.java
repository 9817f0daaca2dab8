package dev.ticketsync.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ticketsync.desktop.ui.common.FxScheduler;
import java.util.Objects;
import javafx.application.Application;
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
        MainWindow window = MainWindow.show(stage, startup.replica(), startup.engine(), scheduler);
        if (startup.screenshot() != null) {
            Screenshot.whenSynced(window.scene(), startup.engine(), startup.screenshot(), window.model());
        }
        if (ListShownProbe.requested()) {
            ListShownProbe.exitWhenShown(window.scene(), window.model());
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
