package dev.ticketsync.desktop.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a (server, user) profile keeps its replica and token: the platform's per-user data directory
 * ({@code ~/.local/share/ticketsync/<profile>/} on Linux), or a directory given with {@code --data-dir}.
 */
public final class ProfileDirectory {

    private ProfileDirectory() {}

    /** The base directory holding every profile on this machine. */
    public static Path base(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null
                    ? Path.of(appData, "TicketSync")
                    : Path.of(userHome, "AppData", "Roaming", "TicketSync");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "TicketSync");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "ticketsync")
                : Path.of(userHome, ".local", "share", "ticketsync");
    }

    public static Path base() {
        return base(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** A readable, file-system-safe name for a profile: {@code alice@tickets.example.com_8443}. */
    public static String profileName(String serverUrl, String login) {
        URI uri = URI.create(serverUrl);
        String host = uri.getHost() == null ? "server" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : "_" + uri.getPort();
        return (login + "@" + host + port).replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    /** True for a name {@link #profileName} can produce: one plain directory name, never a path. */
    public static boolean isSafeName(String name) {
        return name.matches("[A-Za-z0-9@._-]+") && !name.equals(".") && !name.equals("..");
    }

    public static Path of(Path base, String serverUrl, String login) {
        return base.resolve(profileName(serverUrl, login));
    }
}
