package dev.ticketsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void no_arguments_is_the_full_run_of_every_scenario() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.tickets()).isEqualTo(100_000);
        assertThat(options.commentsPerTicket()).isEqualTo(3);
        assertThat(options.comments()).isEqualTo(300_000);
        assertThat(options.quick()).isFalse();
        assertThat(options.pushMutations()).isEqualTo(50_000);
        assertThat(options.catchupChanges()).isEqualTo(50_000);
        assertThat(options.propagationEdits()).isEqualTo(500);
        assertThat(options.queries()).isEqualTo(200);
        assertThat(options.fanoutDevices()).isEqualTo(200);
        assertThat(options.fanoutDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(BenchOptions.SCENARIOS).allMatch(options::runs);
    }

    @Test
    void quick_is_ten_thousand_tickets_and_a_short_fanout() {
        BenchOptions options = BenchOptions.parse("--quick");

        assertThat(options.tickets()).isEqualTo(10_000);
        assertThat(options.comments()).isEqualTo(30_000);
        assertThat(options.fanoutDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.fanoutDevices()).isEqualTo(200);
        assertThat(options.coldStartRuns()).isEqualTo(1);
    }

    @Test
    void explicit_sizes_win_over_quick_in_any_order() {
        BenchOptions options = BenchOptions.parse("--tickets", "2500", "--quick", "--comments-per-ticket", "5");

        assertThat(options.tickets()).isEqualTo(2500);
        assertThat(options.comments()).isEqualTo(12_500);
        assertThat(options.quick()).isTrue();
    }

    @Test
    void only_takes_repeated_and_comma_separated_names() {
        BenchOptions options = BenchOptions.parse("--only", "push,query", "--only", "coldstart");

        assertThat(options.runs("push")).isTrue();
        assertThat(options.runs("query")).isTrue();
        assertThat(options.runs("coldstart")).isTrue();
        assertThat(options.runs("bootstrap")).isFalse();
        assertThat(options.runs("fanout")).isFalse();
    }

    @Test
    void desktop_jar_and_help_are_read() {
        BenchOptions options = BenchOptions.parse("--desktop-jar", "/opt/app.jar", "--help");

        assertThat(options.desktopJar()).isEqualTo(Path.of("/opt/app.jar"));
        assertThat(options.help()).isTrue();
    }

    @Test
    void mistakes_name_the_option_at_fault() {
        assertThatThrownBy(() -> BenchOptions.parse("--tickets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--tickets needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--tickets", "--quick")).hasMessage("--tickets needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--tickets", "lots"))
                .hasMessage("--tickets must be a whole number, got 'lots'");
        assertThatThrownBy(() -> BenchOptions.parse("--tickets", "0")).hasMessage("--tickets must be 1–2000000, got 0");
        assertThatThrownBy(() -> BenchOptions.parse("--comments-per-ticket", "-1"))
                .hasMessageStartingWith("--comments-per-ticket must be 0–50");
        assertThatThrownBy(() -> BenchOptions.parse("--only", "bogus"))
                .hasMessageStartingWith("--only: unknown scenario 'bogus'; choose from bootstrap, push");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessage("unknown option '--fast'; see --help");
    }

    @Test
    void underscores_group_digits() {
        assertThat(BenchOptions.parse("--tickets", "100_000").tickets()).isEqualTo(100_000);
    }
}
