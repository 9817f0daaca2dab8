package dev.ticketsync.desktop.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The app's look: AtlantaFX Primer, light or dark; the default follows {@code TICKETSYNC_THEME=dark}. */
public final class Theme {

    private Theme() {}

    public static boolean darkByDefault() {
        return "dark".equalsIgnoreCase(System.getProperty("ticketsync.theme", System.getenv("TICKETSYNC_THEME")));
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
