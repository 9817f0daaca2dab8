package dev.ticketsync.desktop;

import dev.ticketsync.desktop.demo.DemoServer;
import dev.ticketsync.desktop.headless.HeadlessSync;
import dev.ticketsync.desktop.profile.ProfileDirectory;
import dev.ticketsync.desktop.profile.TokenFile;
import dev.ticketsync.desktop.replica.ReplicaRecovery;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.ui.Startup;
import dev.ticketsync.desktop.ui.TicketSyncApp;
import dev.ticketsync.model.domain.Role;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar ticketsync-desktop.jar}: the window (with {@code --demo}, or for a server and user), or the headless
 * sync command. A plain class, not an {@code Application}: JavaFX on the class path starts only this way.
 */
public final class DesktopMain {

    private static final String USAGE = """
            Usage:
              ticketsync-desktop --demo [--server-jar JAR] [--data-dir DIR] [--screenshot FILE]
                  start the demo server (with demo data) and open the app signed in as alice
              ticketsync-desktop --server URL --user LOGIN [--data-dir DIR]
                  open LOGIN's replica of that server (password from TICKETSYNC_PASSWORD on first use)
              ticketsync-desktop --headless sync --server URL --user LOGIN [--data-dir DIR]
                  one full sync of LOGIN's replica, for scripts
            """;

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
            if (flag(args, "--demo")) {
                return demo(option(args, "--server-jar").map(Path::of).orElse(null), dataDir, screenshot);
            }
            Optional<String> server = option(args, "--server");
            Optional<String> user = option(args, "--user");
            if (server.isPresent() && user.isPresent()) {
                return open(server.get(), user.get(), dataDir, screenshot);
            }
        } catch (IOException | SQLException e) {
            System.err.println("ticketsync-desktop: " + e.getMessage());
            return 1;
        }
        System.out.print(USAGE);
        return flag(args, "--help") ? 0 : 2;
    }

    private static int demo(Path serverJar, Path dataDir, Path screenshot) throws IOException, SQLException {
        Path base = dataDir != null ? dataDir : ProfileDirectory.base().resolve("demo");
        Path jar = DemoServer.findJar(serverJar, desktopJarDir(), Path.of("").toAbsolutePath())
                .orElseThrow(() -> new IOException(
                        "ticketsync-server.jar not found; build it (mvn install) or pass --server-jar"));
        DemoServer server = DemoServer.start(jar, base.resolve("server"));
        try {
            SyncClient client = new SyncClient(server.url(), null);
            SyncClient.Session session = client.login("alice", "demo");
            var opened = ReplicaRecovery.open(
                    base.resolve("alice"), server.url(), "alice", session.user().role(), Clock.systemUTC());
            TicketSyncApp.launch(
                    new Startup(opened.replica(), new SyncEngine(opened.replica(), client), server, screenshot));
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static int open(String server, String login, Path dataDir, Path screenshot)
            throws IOException, SQLException {
        Path directory = ProfileDirectory.of(dataDir != null ? dataDir : ProfileDirectory.base(), server, login);
        TokenFile tokens = new TokenFile(directory);
        SyncClient client = new SyncClient(server, tokens.read().orElse(null));
        Role role = Role.AGENT;
        if (client.token() == null) {
            String password = System.getenv("TICKETSYNC_PASSWORD");
            if (password == null) {
                System.err.println(
                        "ticketsync-desktop: first sign-in needs TICKETSYNC_PASSWORD (the connect dialog comes with the next release)");
                return 2;
            }
            SyncClient.Session session = client.login(login, password);
            tokens.write(session.token());
            role = session.user().role();
        }
        var opened = ReplicaRecovery.open(directory, server, login, role, Clock.systemUTC());
        TicketSyncApp.launch(new Startup(opened.replica(), new SyncEngine(opened.replica(), client), null, screenshot));
        return 0;
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

    private static Optional<String> option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
