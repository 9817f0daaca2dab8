package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.profile.Profile;
import java.io.IOException;

/**
 * Opens a profile's replica and a sync engine signed in with a token. It needs no network: a profile opens from its
 * replica offline. Implemented where the database may be touched ({@code DesktopMain}'s package), not in the UI.
 */
public interface SessionOpener {

    Session open(Profile profile, String token) throws IOException;
}
