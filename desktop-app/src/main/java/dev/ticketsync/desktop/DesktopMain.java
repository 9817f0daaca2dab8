package dev.ticketsync.desktop;

import dev.ticketsync.desktop.demo.DemoServer;
import dev.ticketsync.desktop.headless.HeadlessSync;
import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.ProfileDirectory;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.profile.TokenFile;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.Startup;
import dev.ticketsync.desktop.ui.TicketSyncApp;
import dev.ticketsync.model.domain.Role;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code java -jar ticketsync-desktop.jar}: the window — on the profile used last (straight from its replica, also
 * offline), on the connect dialog the first time, on the demo with {@code --demo} — or the headless sync command. A
 * plain class, not an {@code Application}: JavaFX on the class path starts only this way.
 */
public final class DesktopMain {

    private static final String USAGE = """
            Usage:
              ticketsync-desktop [--data-dir DIR]
                  open the profile used last, straight from its replica (also offline);
                  the first time, a connect dialog asks for server URL, login and password
              ticketsync-desktop --server URL [--user LOGIN] [--data-dir DIR] [--screenshot FILE]
                  open LOGIN's profile on that server; without a stored session, sign in with the password in
                  TICKETSYNC_PASSWORD, or else in the connect dialog (prefilled with URL and LOGIN)
              ticketsync-desktop --demo [--server-jar JAR] [--data-dir DIR] [--screenshot FILE]
                  start the demo server (with demo data) and open the app signed in as alice
              ticketsync-desktop --headless sync --server URL --user LOGIN [--data-dir DIR]
                  one full sync of LOGIN's replica, for scripts
              ticketsync-desktop --help

            Profiles (replica and session token per server and user) live in ~/.local/share/ticketsync/ on Linux,
            ~/Library/Application Support/TicketSync/ on macOS, %APPDATA%\\TicketSync\\ on Windows, or in --data-dir.
            The user menu (top right) changes the password, logs out and switches between profiles.
            """;

    private static final Set<String> FLAGS = Set.of("--demo", "--help");
    private static final Set<String> OPTIONS =
            Set.of("--server", "--user", "--data-dir", "--screenshot", "--server-jar");

    private DesktopMain() {}

    public static void main(String[] args) {
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    static int run(String[] args) {
        Path dataDir = option(args, "--data-dir").map(Path::of).orElse(null);
        Path screenshot = option(args, "--screenshot").map(Path::of).orElse(null);
        try {
            if (args.length >= 2 && args[0].equals("--headless") && args[1].equals("sync")) {
                Optional<String> server = option(args, "--server");
                Optional<String> user = option(args, "--user");
                if (server.isEmpty() || user.isEmpty()) {
                    System.out.print(USAGE);
                    return 2;
                }
                return new HeadlessSync(System.out, System.getenv()).run(server.get(), user.get(), dataDir);
            }
            Optional<String> unknown = unknownArgument(args);
            if (flag(args, "--help") || unknown.isPresent()) {
                unknown.ifPresent(arg -> System.err.println("ticketsync-desktop: unknown argument " + arg));
                System.out.print(USAGE);
                return unknown.isPresent() ? 2 : 0;
            }
            if (flag(args, "--demo")) {
                return demo(option(args, "--server-jar").map(Path::of).orElse(null), dataDir, screenshot);
            }
            Profiles profiles = new Profiles(dataDir != null ? dataDir : ProfileDirectory.base());
            ProfileSessions opener = new ProfileSessions(Clock.systemUTC());
            Optional<String> server = option(args, "--server");
            Optional<String> user = option(args, "--user");
            if (server.isPresent() && user.isPresent()) {
                return open(profiles, opener, server.get(), user.get(), screenshot);
            }
            if (server.isPresent() || user.isPresent()) {
                TicketSyncApp.launch(Startup.connect(profiles, opener, server.orElse(""), user.orElse("")));
                return 0;
            }
            TicketSyncApp.launch(Startup.resume(profiles, opener));
            return 0;
        } catch (ServerAddress.Invalid e) {
            System.err.println("ticketsync-desktop: --server " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("ticketsync-desktop: " + e.getMessage());
            return 1;
        }
    }

    private static int demo(Path serverJar, Path dataDir, Path screenshot) throws IOException {
        Path base = dataDir != null ? dataDir : ProfileDirectory.base().resolve("demo");
        Path jar = DemoServer.findJar(serverJar, desktopJarDir(), Path.of("").toAbsolutePath())
                .orElseThrow(() -> new IOException(
                        "ticketsync-server.jar not found; build it (mvn install) or pass --server-jar"));
        DemoServer server = DemoServer.start(jar, base.resolve("server"));
        try {
            SyncClient.Session signedIn;
            try (SyncClient client = new SyncClient(server.url(), null)) {
                signedIn = client.login("alice", "demo");
            }
            // The demo's profile is not remembered: its server gets a new port every time.
            Profile profile = new Profile(
                    server.url(),
                    "alice",
                    signedIn.user().displayName(),
                    signedIn.user().role(),
                    base.resolve("alice"));
            new TokenFile(profile.directory()).write(signedIn.token());
            ProfileSessions opener = new ProfileSessions(Clock.systemUTC());
            Session session = opener.open(profile, signedIn.token());
            TicketSyncApp.launch(Startup.open(new Profiles(base), opener, session, server, screenshot));
            return 0;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@code --server URL --user LOGIN}: the stored session, or a sign-in with TICKETSYNC_PASSWORD, or the dialog. */
    private static int open(Profiles profiles, ProfileSessions opener, String server, String login, Path screenshot)
            throws IOException {
        String url = ServerAddress.parse(server).url();
        Profile profile = profiles.find(url, login).orElseGet(() -> profiles.profile(url, login, login, Role.AGENT));
        Optional<String> token = profiles.tokens(profile).read();
        if (token.isEmpty()) {
            String password = System.getenv("TICKETSYNC_PASSWORD");
            if (password == null) {
                TicketSyncApp.launch(Startup.connect(profiles, opener, url, login));
                return 0;
            }
            SyncClient.Session signedIn;
            try (AccountClient client = new AccountClient(ServerAddress.parse(url))) {
                signedIn = client.login(login, password);
            }
            profile = profiles.profile(
                    url,
                    signedIn.user().login(),
                    signedIn.user().displayName(),
                    signedIn.user().role());
            profiles.tokens(profile).write(signedIn.token());
            token = Optional.of(signedIn.token());
        }
        // The replica opens (Flyway, H2, the HTTP client) while JavaFX starts: both take a good part of a second.
        CompletableFuture<Session> session = openInBackground(profiles, opener, profile, token.get());
        TicketSyncApp.launch(Startup.open(profiles, opener, session, null, screenshot));
        if (session.isCompletedExceptionally()) {
            try {
                session.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        }
        return 0;
    }

    private static CompletableFuture<Session> openInBackground(
            Profiles profiles, ProfileSessions opener, Profile profile, String token) {
        CompletableFuture<Session> session = new CompletableFuture<>();
        Thread opening = new Thread(
                () -> {
                    try {
                        session.complete(opener.open(profile, token));
                        profiles.remember(profile);
                    } catch (IOException | RuntimeException e) {
                        session.completeExceptionally(e);
                    }
                },
                "profile-open");
        opening.start();
        return session;
    }

    private static Path desktopJarDir() {
        try {
            Path location = Path.of(DesktopMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static boolean flag(String[] args, String name) {
        return Arrays.asList(args).contains(name);
    }

    private static Optional<String> unknownArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (OPTIONS.contains(args[i]) && i + 1 < args.length) {
                i++;
            } else if (!FLAGS.contains(args[i])) {
                return Optional.of(args[i]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
