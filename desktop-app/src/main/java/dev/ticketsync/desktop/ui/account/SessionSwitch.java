package dev.ticketsync.desktop.ui.account;

import dev.ticketsync.desktop.profile.Profile;

/** What the account menu asks of the window: it owns the open session and decides what is shown. */
public interface SessionSwitch {

    /** The user signed out of {@code profile}: close its session and show the connect dialog for it. */
    void signedOut(Profile profile, String note);

    /** Close the open session and open {@code profile} from its replica, in the same window. */
    void open(Profile profile);

    /** Show the connect dialog (prefilled when the values are not null), with a way back to the open session. */
    void connect(String serverUrl, String login);
}
