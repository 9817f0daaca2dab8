package dev.ticketsync.desktop.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's server: {@code ticketsync-server.jar --demo} as a child process on a free port, stopped with the app. The
 * jar is found beside the desktop jar (packaged install), in the build tree, or given with {@code --server-jar}.
 */
public final class DemoServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

    private final Process process;
    private final String url;

    private DemoServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static Optional<Path> findJar(Path given, Path desktopJarDir, Path workingDir) {
        List<Path> candidates = new ArrayList<>();
        if (given != null) {
            candidates.add(given);
        }
        if (desktopJarDir != null) {
            candidates.add(desktopJarDir.resolve("ticketsync-server.jar"));
            candidates.add(desktopJarDir.resolve("../../sync-server/target/ticketsync-server.jar"));
        }
        candidates.add(workingDir.resolve("sync-server/target/ticketsync-server.jar"));
        return candidates.stream()
                .map(Path::normalize)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** Starts the server and waits until it prints that it listens (the demo seeds its data first). */
    public static DemoServer start(Path jar, Path dataDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--demo",
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().put("TICKETSYNC_ADMIN_PASSWORD", "demo-admin-password");
        Process process = builder.start();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, listening), "demo-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = listening.get(90, TimeUnit.SECONDS);
            return new DemoServer(process, url);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the demo server did not start: " + e.getMessage(), e);
        }
    }

    private static void drain(Process process, CompletableFuture<String> listening) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher match = LISTENING.matcher(line);
                if (match.find()) {
                    listening.complete(match.group(1));
                }
            }
        } catch (IOException ended) {
            // The server stopped; whoever waits hears it below.
        }
        if (listening.isDone()) {
            return;
        }
        // The output ends a moment before the process does: wait for it, so the message can give its exit code.
        try {
            int exit = process.waitFor();
            listening.completeExceptionally(new IOException("the demo server exited with " + exit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listening.completeExceptionally(new IOException("the demo server stopped before it was listening"));
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
