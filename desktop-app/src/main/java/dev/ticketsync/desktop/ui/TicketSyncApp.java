package dev.ticketsync.desktop.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: theme, the one window, and shutting everything down when it closes. */
public final class TicketSyncApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSyncApp.class);
    private static volatile Startup startup;

    private TicketSyncWindow window;

    /** Hands the prepared startup to the application JavaFX instantiates, then launches it (blocks until closed). */
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
        window = new TicketSyncWindow(stage, startup);
        try {
            window.start();
        } catch (CompletionException couldNotOpen) {
            // The profile opening alongside JavaFX failed: whoever launched says why (DesktopMain, on stderr).
            window = null;
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        LOG.debug("closing");
        if (window != null) {
            window.close();
        }
        LOG.debug("profile closed");
        try {
            if (startup.alsoClose() != null) {
                startup.alsoClose().close();
            }
        } catch (Exception e) {
            LOG.warn("could not stop the demo server cleanly", e);
        }
    }
}
