package dev.ticketsync.desktop.ui.connect;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.sync.ServerInfo;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.SessionOpener;
import dev.ticketsync.desktop.ui.common.Scheduler;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect dialog's state: server URL, login, password; what is wrong with them (per field, and for the whole
 * attempt); the warning for plain http to another machine; and the attempt itself, in the background: check the
 * server ({@code /health} and its protocol), sign in, open the profile, store the token. Nothing is stored unless
 * every step succeeded.
 */
public final class ConnectViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectViewModel.class);

    private final Profiles profiles;
    private final SessionOpener opener;
    private final Scheduler scheduler;
    private final Consumer<Session> onConnected;

    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper serverError = new ReadOnlyStringWrapper(this, "serverError", "");
    private final ReadOnlyStringWrapper loginError = new ReadOnlyStringWrapper(this, "loginError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper insecureWarning = new ReadOnlyStringWrapper(this, "insecureWarning", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    /** Each attempt has a number; Esc moves the number on, and the old attempt's late answers are ignored. */
    private final AtomicInteger attempt = new AtomicInteger();

    private volatile AccountClient inFlight;

    public ConnectViewModel(
            Profiles profiles, SessionOpener opener, Scheduler scheduler, Consumer<Session> onConnected) {
        this.profiles = profiles;
        this.opener = opener;
        this.scheduler = scheduler;
        this.onConnected = onConnected;
        server.addListener((o, before, text) -> {
            insecureWarning.set(warningFor(text));
            serverError.set("");
        });
        login.addListener((o, before, text) -> loginError.set(""));
        password.addListener((o, before, text) -> passwordError.set(""));
    }

    /** Fills the form, e.g. from {@code --server/--user} or the profile that was signed out of. */
    public void prefill(String serverUrl, String userLogin) {
        server.set(serverUrl == null ? "" : serverUrl);
        login.set(userLogin == null ? "" : userLogin);
    }

    /** Shows a note before any attempt, e.g. why the user was signed out; empty shows nothing. */
    public void tell(String note) {
        problem.set(note == null ? "" : note);
    }

    /** Starts an attempt (Enter, or the Connect button); checks the fields first and does nothing if one is wrong. */
    public void connect() {
        if (busy.get()) {
            return;
        }
        problem.set("");
        ServerAddress address = null;
        try {
            address = ServerAddress.parse(server.get());
        } catch (ServerAddress.Invalid e) {
            serverError.set("Server URL " + e.getMessage());
        }
        String user = login.get() == null ? "" : login.get().strip();
        if (user.isEmpty()) {
            loginError.set("Login is required");
        }
        String secret = password.get() == null ? "" : password.get();
        if (secret.isEmpty()) {
            passwordError.set("Password is required");
        }
        if (address == null || user.isEmpty() || secret.isEmpty()) {
            return;
        }
        int number = attempt.incrementAndGet();
        AccountClient client = new AccountClient(address);
        inFlight = client;
        busy.set(true);
        progress.set("Checking " + address.hostAndPort() + "…");
        ServerAddress checked = address;
        scheduler.background(() -> run(number, checked, user, secret, client));
    }

    /** Esc: abandons the attempt in flight. False when there was none (the view then closes the dialog). */
    public boolean cancel() {
        if (!busy.get()) {
            return false;
        }
        attempt.incrementAndGet();
        AccountClient client = inFlight;
        if (client != null) {
            client.close();
        }
        busy.set(false);
        progress.set("");
        problem.set("Cancelled.");
        return true;
    }

    private void run(int number, ServerAddress address, String user, String secret, AccountClient client) {
        try (client) {
            ServerInfo info = client.health();
            String mismatch = ServerProblems.protocolMismatch(address.hostAndPort(), info);
            if (mismatch != null) {
                fail(number, mismatch);
                return;
            }
            step(number, "Signing in as " + user + "…");
            SyncClient.Session signedIn = client.login(user, secret);
            if (attempt.get() != number) {
                client.logout(signedIn.token());
                return;
            }
            step(number, "Opening your tickets…");
            Profile profile = profiles.profile(
                    address.url(),
                    signedIn.user().login(),
                    signedIn.user().displayName(),
                    signedIn.user().role());
            Session session = opener.open(profile, signedIn.token());
            try {
                profiles.tokens(profile).write(signedIn.token());
                profiles.remember(profile);
            } catch (IOException e) {
                session.close();
                throw e;
            }
            scheduler.ui(() -> finish(number, session));
        } catch (ServerError e) {
            refused(number, e);
        } catch (IOException e) {
            fail(number, ServerProblems.explain(e));
        } catch (RuntimeException e) {
            LOG.error("connecting to {} failed", address.url(), e);
            fail(number, "Something went wrong: " + e);
        }
    }

    private void finish(int number, Session session) {
        if (attempt.get() != number) {
            // Esc came after the sign-in was stored: the profile stays signed in, this window does not open it.
            scheduler.background(session::close);
            return;
        }
        busy.set(false);
        progress.set("");
        password.set("");
        onConnected.accept(session);
    }

    private void refused(int number, ServerError e) {
        if (e.status() == 401) {
            fail(number, "Wrong login or password.");
        } else if (e.status() == 429) {
            fail(number, ServerProblems.throttled(e));
        } else if (e.status() == 400 && e.field().filter("login"::equals).isPresent()) {
            scheduler.ui(() -> {
                if (attempt.get() == number) {
                    busy.set(false);
                    progress.set("");
                    loginError.set("Login " + ServerProblems.fieldReason(e));
                }
            });
        } else {
            fail(number, ServerProblems.explain(e));
        }
    }

    private void step(int number, String text) {
        scheduler.ui(() -> {
            if (attempt.get() == number) {
                progress.set(text);
            }
        });
    }

    private void fail(int number, String text) {
        scheduler.ui(() -> {
            if (attempt.get() == number) {
                busy.set(false);
                progress.set("");
                problem.set(text);
            }
        });
    }

    /** The warning for plain http to another machine; empty when the address is safe (or not yet an address). */
    static String warningFor(String text) {
        try {
            ServerAddress address = ServerAddress.parse(text);
            return address.sendsInClear()
                    ? "Not encrypted: over http:// your password and tickets can be read on any network between"
                            + " you and " + address.hostAndPort() + ". Use https:// unless that network is yours."
                    : "";
        } catch (ServerAddress.Invalid notYet) {
            return "";
        }
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty serverErrorProperty() {
        return serverError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loginErrorProperty() {
        return loginError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    /** What went wrong with the whole attempt (unreachable, wrong password, …); empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty insecureWarningProperty() {
        return insecureWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
