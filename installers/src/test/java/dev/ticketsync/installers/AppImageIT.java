package dev.ticketsync.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the app images hold, run as a user would: the server's launcher serves, and the desktop app's launcher signs in
 * and syncs a replica from it — each on the Java runtime jpackage bundled, not the one that built them.
 */
class AppImageIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern SYNCED = Pattern.compile("synced \\S+ as alice: (\\d+) tickets, 0 pending");

    private final Path images = Path.of(System.getProperty("installers.appImages"));

    @Test
    void the_server_image_serves_and_the_desktop_image_syncs_from_it(@TempDir Path dir) throws Exception {
        Path server = images.resolve("ticketsync-server/bin/ticketsync-server");
        Path desktop = images.resolve("ticketsync-desktop/bin/ticketsync-desktop");
        assertThat(images.resolve("ticketsync-server/lib/runtime"))
                .as("a bundled runtime")
                .isDirectory();

        ProcessBuilder serverCommand = new ProcessBuilder(
                        server.toString(),
                        "--port",
                        "0",
                        "--data-dir",
                        dir.resolve("server").toString(),
                        "--demo",
                        "--demo-tickets",
                        "40")
                .redirectErrorStream(true);
        serverCommand.environment().put("TICKETSYNC_ADMIN_PASSWORD", "image-test-admin");
        Process serving = serverCommand.start();
        try {
            String url = listeningUrl(serving);

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"protocolVersion\"");

            ProcessBuilder syncCommand = new ProcessBuilder(
                            desktop.toString(),
                            "--headless",
                            "sync",
                            "--server",
                            url,
                            "--user",
                            "alice",
                            "--data-dir",
                            dir.resolve("desktop").toString())
                    .redirectErrorStream(true);
            syncCommand.environment().put("TICKETSYNC_PASSWORD", "demo");
            Process sync = syncCommand.start();
            String output = new String(sync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sync.exitValue()).as(output).isZero();
            Matcher synced = SYNCED.matcher(output);
            assertThat(synced.find()).as(output).isTrue();
            assertThat(Integer.parseInt(synced.group(1))).isPositive();
        } finally {
            serving.destroy();
            assertThat(serving.waitFor(30, TimeUnit.SECONDS))
                    .as("the server stops on SIGTERM, as systemd stops it")
                    .isTrue();
        }
    }

    private static String listeningUrl(Process server) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher match = LISTENING.matcher(line);
                    if (match.find()) {
                        url.complete(match.group(1));
                    }
                }
                url.completeExceptionally(new IOException("the server exited before it was listening"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return url.get(90, TimeUnit.SECONDS);
    }
}
