package dev.ticketsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line's answers that need no window: help, and arguments it cannot use (exit 2, told why). */
class DesktopMainTest {

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void help_explains_the_first_run_the_later_runs_and_the_demo() {
        assertThat(DesktopMain.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("open the profile used last, straight from its replica (also offline)")
                .contains("the first time, a connect dialog asks for server URL, login and password")
                .contains("--server URL [--user LOGIN]")
                .contains("--demo [--server-jar JAR]")
                .contains("--headless sync --server URL --user LOGIN");
    }

    @Test
    void an_unknown_argument_is_named_and_refused() {
        assertThat(DesktopMain.run(new String[] {"--sever", "http://localhost:8080"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --sever");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:");
    }

    @Test
    void a_server_url_that_cannot_work_is_refused_before_any_window() {
        assertThat(DesktopMain.run(new String[] {"--server", "ftp://tickets.example.com", "--user", "alice"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--server must start with https:// or http://");
    }
}
