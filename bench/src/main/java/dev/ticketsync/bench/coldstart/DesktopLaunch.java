package dev.ticketsync.bench.coldstart;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command lines of the cold-start scenario: the desktop app as users start it (its jar, with its lib/ beside it),
 * headless on Monocle when there is no display (or under the X server {@code DISPLAY} names), and the hello-world
 * baseline on the same JDK.
 */
public final class DesktopLaunch {

    /** The probe in the app: prints this line once the list is laid out with rows, then exits. */
    public static final String LIST_SHOWN = "ticketsync: list shown";

    static final String DESKTOP_JAR = "desktop-app/target/ticketsync-desktop.jar";
    private static final String DESKTOP_MAIN = "dev.ticketsync.desktop.DesktopMain";
    private static final String MONOCLE_CLASS = "com/sun/glass/ui/monocle/MonoclePlatformFactory.class";

    private DesktopLaunch() {}

    /**
     * The desktop jar: the one given, else {@value #DESKTOP_JAR} under the working directory or next to the bench's own
     * module (when the bench runs from {@code bench/target}).
     */
    public static Optional<Path> desktopJar(Path given, Path workingDirectory, Path benchCode) {
        if (given != null) {
            return Files.isRegularFile(given) ? Optional.of(given) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDirectory.resolve(DESKTOP_JAR));
        // bench/target/ticketsync-bench.jar or bench/target/classes: the project root is two or three levels up.
        for (Path dir = benchCode; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve(DESKTOP_JAR));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where the bench's own classes come from (its jar, or a classes directory). */
    public static Path benchCode() {
        return location(
                DesktopLaunch.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /** The Monocle jar the bench carries in its lib/, for a window without a display. */
    public static Optional<Path> monocleJar() {
        URL resource = ClassLoader.getSystemResource(MONOCLE_CLASS);
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return Optional.empty();
        }
        // jar:file:/…/openjfx-monocle.jar!/com/… — the part before "!/" names the jar.
        String file = resource.getPath();
        return Optional.of(Path.of(URI.create(file.substring(0, file.indexOf("!/")))));
    }

    /** JavaFX without a display: Monocle's headless platform and software rendering (as the UI tests run). */
    public static List<String> headlessFlags() {
        return List.of(
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Dprism.text=t2k",
                "-Djava.awt.headless=true");
    }

    public static boolean hasDisplay(Map<String, String> env) {
        String display = env.get("DISPLAY");
        return display != null && !display.isBlank();
    }

    /** Extra JVM options for the app under test, e.g. a flight recording to see what its start spends time on. */
    public static final String EXTRA_OPTIONS_ENV = "TICKETSYNC_BENCH_DESKTOP_OPTS";

    public static List<String> extraOptions(Map<String, String> env) {
        String options = env.getOrDefault(EXTRA_OPTIONS_ENV, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** The app opening {@code login}'s profile under {@code dataDir}, quitting once its list is shown. */
    public static List<String> desktopCommand(
            Path desktopJar,
            Path monocleJar,
            boolean display,
            List<String> extraOptions,
            String serverUrl,
            String login,
            Path dataDir) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java().toString());
        command.addAll(extraOptions);
        if (!display) {
            command.addAll(headlessFlags());
        }
        command.add("-Dticketsync.exitWhenListShown=true");
        if (display || monocleJar == null) {
            command.add("-jar");
            command.add(desktopJar.toString());
        } else {
            // -cp with the app's jar keeps its manifest Class-Path (lib/), and adds Monocle beside it.
            command.add("-cp");
            command.add(desktopJar + File.pathSeparator + monocleJar);
            command.add(DESKTOP_MAIN);
        }
        command.addAll(List.of("--server", serverUrl, "--user", login, "--data-dir", dataDir.toString()));
        return command;
    }

    public static List<String> helloCommand() {
        return List.of(ChildJvm.java().toString(), "-cp", benchCode().toString(), HelloWorld.class.getName());
    }

    private static Path location(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected code location " + url, e);
        }
    }
}
