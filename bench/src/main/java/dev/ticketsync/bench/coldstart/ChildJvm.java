package dev.ticketsync.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a JVM as a child process and times it: from the start call until a line on its stdout starts with a marker
 * (or, without a marker, until it exits). Its stderr goes to a log file, shown only when something fails.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** The java launcher of the JVM running the bench, so the child runs on the same JDK. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Runs {@code command}; returns the seconds until a stdout line starting with {@code marker} (null: until the
     * process exited). Fails when the marker never comes, or the process fails or outlives {@code limit}.
     */
    public static double time(List<String> command, String marker, Path log, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().remove("TICKETSYNC_PASSWORD");
        List<String> output = new ArrayList<>();
        CompletableFuture<Long> seen = new CompletableFuture<>();
        long started = System.nanoTime();
        Process process = builder.start();
        Thread reader = new Thread(() -> read(process, marker, seen, output), "child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            long markerAt = marker == null ? 0 : seen.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("still running after " + limit + ": " + String.join(" ", command));
            }
            long exitedAt = System.nanoTime();
            if (process.exitValue() != 0) {
                throw new IOException("exited with " + process.exitValue() + " (log: " + log + "): " + copy(output));
            }
            return ((marker == null ? exitedAt : markerAt) - started) / 1e9;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no '" + marker + "' line from the child (log: " + log + "): " + copy(output), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> copy(List<String> output) {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static void read(Process process, String marker, CompletableFuture<Long> seen, List<String> output) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (marker != null && line.startsWith(marker)) {
                    seen.complete(System.nanoTime());
                }
                synchronized (output) {
                    output.add(line);
                }
            }
            seen.completeExceptionally(new IOException("the process closed its output"));
        } catch (IOException e) {
            seen.completeExceptionally(e);
        }
    }
}
