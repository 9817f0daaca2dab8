package dev.ticketsync.desktop.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sync server as a child JVM ({@code dev.ticketsync.server.ServerMain} on the test class path, which holds the
 * reactor's sync-server) on a fixed loopback port and data directory: started, killed with SIGKILL at any moment —
 * also while it starts — and started again on the same port and data. Its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private static final String READY = "listening on ";

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;
    private volatile CompletableFuture<Void> listening =
            CompletableFuture.failedFuture(new IllegalStateException("not started"));
    private int starts;
    private int kills;
    private final List<Long> startupMillis = new CopyOnWriteArrayList<>();

    ServerProcess(Path dataDir, int port, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
    }

    /** Launches the server and returns at once; {@link #awaitListening} waits until it accepts connections. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is already running");
        }
        try {
            process = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-XX:+UseSerialGC",
                            // C1 only: a server restarted this often gains more from a fast start than from C2.
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.ticketsync.server.ServerMain",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--data-dir",
                            dataDir.toString()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        long launched = System.nanoTime();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ready.thenRun(() -> startupMillis.add((System.nanoTime() - launched) / 1_000_000));
        listening = ready;
        Process child = process;
        Thread reader = new Thread(() -> copyOutput(child, ready), "server-output-" + starts);
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the child's output to the log and completes {@code ready} when it says it listens (or exits before). */
    private void copyOutput(Process child, CompletableFuture<Void> ready) {
        try (BufferedReader in = child.inputReader(UTF_8);
                PrintWriter out = new PrintWriter(
                        Files.newBufferedWriter(log, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println("---- start " + starts + " (pid " + child.pid() + ")");
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith(READY)) {
                    out.flush();
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; the exit below says so.
        }
        ready.completeExceptionally(new IllegalStateException("the server exited before it listened; see " + log));
    }

    /** Waits until the server started last accepts connections; fails if it exited first. */
    void awaitListening(Duration atMost) {
        try {
            listening.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the server did not listen within " + atMost + "; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server process is alive and has said it listens. */
    synchronized boolean isListening() {
        return process != null && process.isAlive() && listening.isDone() && !listening.isCompletedExceptionally();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, open connections reset. */
    synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        kills++;
    }

    int starts() {
        return starts;
    }

    int kills() {
        return kills;
    }

    Path log() {
        return log;
    }

    /** How long each start took until the server listened, in milliseconds. */
    List<Long> startupMillis() {
        return List.copyOf(startupMillis);
    }

    @Override
    public void close() {
        kill();
    }
}
