package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the window opens on, prepared before JavaFX starts: an opened profile ({@code session}), or — when there is
 * none — the connect dialog, prefilled with {@code server} and {@code login} when known. Plus where profiles live and
 * how to open one (for switching), things to close with the app (the demo server), and an optional screenshot file
 * ({@code --screenshot}: render, save, exit).
 */
public record Startup(
        Profiles profiles,
        SessionOpener opener,
        CompletableFuture<Session> opening,
        String server,
        String login,
        AutoCloseable alsoClose,
        Path screenshot) {

    /** Opens straight on a profile's main window. */
    public static Startup open(
            Profiles profiles, SessionOpener opener, Session session, AutoCloseable alsoClose, Path screenshot) {
        return open(profiles, opener, CompletableFuture.completedFuture(session), alsoClose, screenshot);
    }

    /**
     * Opens on a profile's main window once {@code opening} is done: the replica opens while JavaFX starts, and the
     * window waits for it only where it needs it.
     */
    public static Startup open(
            Profiles profiles,
            SessionOpener opener,
            CompletableFuture<Session> opening,
            AutoCloseable alsoClose,
            Path screenshot) {
        return new Startup(profiles, opener, opening, null, null, alsoClose, screenshot);
    }

    /**
     * The opened profile, waiting for it if it is still opening; null when the window opens on the connect dialog.
     * Throws {@link CompletionException} if it could not be opened.
     */
    public Session session() {
        return opening == null ? null : opening.join();
    }

    /**
     * A start with no arguments: the profile used last, straight from its replica (no network needed), if it is still
     * signed in; otherwise the connect dialog, prefilled with that profile when there was one.
     */
    public static Startup resume(Profiles profiles, SessionOpener opener) throws IOException {
        Optional<Profile> last = profiles.last();
        Optional<String> token = last.isPresent() ? profiles.tokens(last.get()).read() : Optional.empty();
        if (token.isPresent()) {
            return open(profiles, opener, opener.open(last.get(), token.get()), null, null);
        }
        return connect(
                profiles,
                opener,
                last.map(Profile::serverUrl).orElse(""),
                last.map(Profile::login).orElse(""));
    }

    /** Opens on the connect dialog. */
    public static Startup connect(Profiles profiles, SessionOpener opener, String server, String login) {
        return new Startup(profiles, opener, null, server, login, null, null);
    }
}
