package dev.ticketsync.desktop.headless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.ProfileDirectory;
import dev.ticketsync.desktop.profile.ProfileLock;
import dev.ticketsync.desktop.profile.TokenFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticketsync-desktop --headless sync}: what a script sees. */
class HeadlessSyncTest {

    @Test
    void the_first_run_signs_in_and_syncs_and_later_runs_use_the_stored_session(@TempDir Path dataDir)
            throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HeadlessSync first = new HeadlessSync(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    Map.of("TICKETSYNC_PASSWORD", TestBackend.PASSWORD));
            assertThat(first.run(backend.url(), "alice", dataDir)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("synced").contains("0 pending");
            Path profile = ProfileDirectory.of(dataDir, backend.url(), "alice");
            assertThat(new TokenFile(profile).read()).isPresent();

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            HeadlessSync second = new HeadlessSync(new PrintStream(again, true, StandardCharsets.UTF_8), Map.of());
            assertThat(second.run(backend.url(), "alice", dataDir)).isZero();
        }
    }

    @Test
    void without_a_session_or_password_it_says_how_to_sign_in(@TempDir Path dataDir) throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new HeadlessSync(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of())
                    .run(backend.url(), "bob", dataDir);
            assertThat(exit).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("TICKETSYNC_PASSWORD");
        }
    }

    @Test
    @SuppressWarnings("try") // the app's lock is held, not used
    void a_profile_open_in_the_app_is_left_alone(@TempDir Path dataDir) throws Exception {
        try (TestBackend backend = TestBackend.start()) {
            Path profile = ProfileDirectory.of(dataDir, backend.url(), "alice");
            try (ProfileLock app = ProfileLock.acquire(profile, "alice")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int exit = new HeadlessSync(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                Map.of("TICKETSYNC_PASSWORD", TestBackend.PASSWORD))
                        .run(backend.url(), "alice", dataDir);
                assertThat(exit).isEqualTo(1);
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("already open");
                assertThat(new TokenFile(profile).read()).isEmpty();
            }
            assertThat(new HeadlessSync(
                                    new PrintStream(new ByteArrayOutputStream()),
                                    Map.of("TICKETSYNC_PASSWORD", TestBackend.PASSWORD))
                            .run(backend.url(), "alice", dataDir))
                    .isZero();
        }
    }

    @Test
    void an_unreachable_server_is_reported_as_such(@TempDir Path dataDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new HeadlessSync(
                        new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("TICKETSYNC_PASSWORD", "x"))
                .run("http://127.0.0.1:1", "alice", dataDir);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unreachable");
    }
}
