package dev.ticketsync.desktop;

import dev.ticketsync.desktop.headless.HeadlessSync;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** {@code java -jar ticketsync-desktop.jar}: the headless sync command now; the JavaFX window is issue 5. */
public final class DesktopMain {

    private static final String USAGE = """
            Usage:
              ticketsync-desktop --headless sync --server URL --user LOGIN [--data-dir DIR]
                  one full sync of LOGIN's replica on this machine (password from TICKETSYNC_PASSWORD on first use)
            """;

    private DesktopMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length >= 2 && args[0].equals("--headless") && args[1].equals("sync")) {
            Optional<String> server = option(args, "--server");
            Optional<String> user = option(args, "--user");
            if (server.isEmpty() || user.isEmpty()) {
                System.out.print(USAGE);
                return 2;
            }
            Path dataDir = option(args, "--data-dir").map(Path::of).orElse(null);
            return new HeadlessSync(System.out, System.getenv()).run(server.get(), user.get(), dataDir);
        }
        System.out.print(USAGE);
        return Arrays.asList(args).contains("--help") ? 0 : 2;
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
