package dev.ticketsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.bench.report.ScoreRow;
import dev.ticketsync.bench.report.Scorecard;
import dev.ticketsync.bench.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole bench at toy size against the real server, replicas and desktop app (its jar, headless): every scenario
 * runs to the end and reports every figure. No timing is asserted — only that the numbers exist and make sense.
 */
class BenchRunTest {

    @Test
    void every_scenario_runs_and_reports_every_figure() throws Exception {
        BenchOptions tiny =
                new BenchOptions(60, 2, true, Set.of(), null, 300, 300, 15, 20, 10, Duration.ofSeconds(2), 1, false);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BenchRun.Outcome outcome = new BenchRun(tiny, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertThat(outcome.failures())
                .as(progress.toString(StandardCharsets.UTF_8))
                .isEmpty();
        for (ResultKey key : ResultKey.values()) {
            assertThat(outcome.result().get(key)).as(key.json()).isPresent();
        }
        assertThat(outcome.result().get(ResultKey.TICKETS)).contains(60.0);
        assertThat(outcome.result().get(ResultKey.COMMENTS)).contains(120.0);
        assertThat(outcome.result().get(ResultKey.CATCHUP_CHANGES)).contains(300.0);
        assertThat(outcome.result().get(ResultKey.FANOUT_DEVICES)).contains(10.0);
        assertThat(outcome.result().get(ResultKey.BOOTSTRAP_ROWS_PER_S).orElseThrow())
                .isPositive();
        assertThat(outcome.result().get(ResultKey.COLDSTART_S).orElseThrow())
                .isGreaterThan(outcome.result().get(ResultKey.HELLO_JVM_S).orElseThrow());
        assertThat(Scorecard.rows(outcome.result()))
                .extracting(ScoreRow::verdict)
                .doesNotContain(Verdict.SKIPPED);
    }

    @Test
    void only_runs_the_named_scenarios_and_leaves_the_others_keys_out() throws Exception {
        BenchOptions justQuery = new BenchOptions(
                30, 1, true, Set.of("query"), null, 100, 100, 10, 10, 5, Duration.ofSeconds(1), 1, false);

        BenchRun.Outcome outcome = new BenchRun(
                        justQuery, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run();

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.result().has(ResultKey.QUERY_P95_MS)).isTrue();
        assertThat(outcome.result().has(ResultKey.COUNT_QUERY_MS)).isTrue();
        assertThat(outcome.result().has(ResultKey.BOOTSTRAP_S)).isFalse();
        assertThat(outcome.result().has(ResultKey.PUSH_MUTATIONS_PER_S)).isFalse();
        assertThat(outcome.result().has(ResultKey.COLDSTART_S)).isFalse();
    }
}
