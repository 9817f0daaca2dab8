package dev.ticketsync.desktop.ui.account;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.connect.ServerProblems;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user menu: who is signed in where, and the account actions — change password, log out (the server revokes the
 * token when it can be reached; unsynced changes stay in the replica), switch profile.
 */
public final class UserMenuViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(UserMenuViewModel.class);

    private final Session session;
    private final Profiles profiles;
    private final Scheduler scheduler;
    private final SessionSwitch window;

    public UserMenuViewModel(Session session, Profiles profiles, Scheduler scheduler, SessionSwitch window) {
        this.session = session;
        this.profiles = profiles;
        this.scheduler = scheduler;
        this.window = window;
    }

    public Profile profile() {
        return session.profile();
    }

    public String displayName() {
        return session.profile().displayName();
    }

    /** The avatar's letter: the first letter of the name. */
    public String initial() {
        String name = displayName().isBlank()
                ? session.profile().login()
                : displayName().strip();
        return new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    /** The other profiles on this machine, for "Switch profile". */
    public List<Profile> otherProfiles() {
        return profiles.list().stream()
                .filter(profile -> !profile.directory().equals(session.profile().directory()))
                .toList();
    }

    /** True when the profile has a stored session and opens straight from its replica. */
    public boolean isSignedIn(Profile profile) {
        return profiles.storedToken(profile).isPresent();
    }

    public void switchTo(Profile profile) {
        if (isSignedIn(profile)) {
            window.open(profile);
        } else {
            window.connect(profile.serverUrl(), profile.login());
        }
    }

    /** True when the server no longer accepts the stored session (expired or revoked): syncing waits for a sign-in. */
    public boolean needsSignIn() {
        return session.engine().status().needsLogin();
    }

    /** The connect dialog for this profile; the replica, with its unsynced changes, reopens after the sign-in. */
    public void signInAgain() {
        window.connect(session.profile().serverUrl(), session.profile().login());
    }

    public void connectAnother() {
        window.connect(null, null);
    }

    /**
     * What to tell the user before logging out, or empty when nothing is at stake: unsynced changes and conflicts stay
     * in this computer's replica and sync after the next sign-in as the same user.
     */
    public Optional<String> logoutWarning() {
        SyncStatus status = session.engine().status();
        if (status.pending() == 0 && status.conflicts() == 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        if (status.pending() > 0) {
            text.append(status.pending() == 1 ? "1 change is" : status.pending() + " changes are")
                    .append(" not synced yet");
        }
        if (status.conflicts() > 0) {
            text.append(text.isEmpty() ? "" : ", and ")
                    .append(status.conflicts() == 1 ? "1 conflict waits" : status.conflicts() + " conflicts wait")
                    .append(" in the conflict inbox");
        }
        text.append(". They stay on this computer and sync after you sign in again as ")
                .append(session.profile().login())
                .append('.');
        return Optional.of(Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }

    /**
     * Logs out: asks the server to revoke the token (if it can be reached), deletes the token file, then the window
     * closes the session and shows the connect dialog. The replica, with any unsynced changes, stays.
     */
    public void logout() {
        Profile profile = session.profile();
        scheduler.background(() -> {
            String note = revoke(profile);
            try {
                profiles.tokens(profile).delete();
            } catch (IOException e) {
                LOG.warn("cannot delete the token file of {}", profile.label(), e);
                note = "Signed out, but the token file "
                        + profiles.tokens(profile).path() + " could not be deleted: " + e.getMessage();
            }
            String told = note;
            scheduler.ui(() -> window.signedOut(profile, told));
        });
    }

    /** Revokes the token on the server; returns what the user should know when that did not happen. */
    private String revoke(Profile profile) {
        Optional<String> token = profiles.storedToken(profile);
        if (token.isEmpty()) {
            return "";
        }
        try (AccountClient client = new AccountClient(ServerAddress.parse(profile.serverUrl()))) {
            client.logout(token.get());
            return "";
        } catch (ServerError e) {
            // 401: the token had already expired or been revoked, which is what logging out wants.
            return e.isUnauthorized() ? "" : "Signed out here; the server refused to end the session: " + e.reason();
        } catch (IOException e) {
            return "Signed out on this computer. " + ServerProblems.explain(e)
                    + " The session on the server ends when it expires.";
        }
    }

    public ChangePasswordViewModel changePassword() {
        return new ChangePasswordViewModel(session.profile(), profiles, scheduler);
    }
}
