package dev.ticketsync.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {

    @Test
    void an_empty_run_lists_every_scenario_as_skipped_in_table_order() {
        List<ScoreRow> rows = Scorecard.rows(new BenchResult());

        assertThat(rows)
                .extracting(ScoreRow::scenario)
                .containsExactly("bootstrap", "push", "propagation", "query", "fanout", "catchup", "coldstart");
        assertThat(rows).allMatch(row -> row.verdict() == Verdict.SKIPPED);
    }

    @Test
    void bootstrap_passes_at_half_the_raw_insert_rate() {
        assertThat(row(bootstrap(20_000, 40_000), "bootstrap").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(bootstrap(19_999, 40_000), "bootstrap").verdict()).isEqualTo(Verdict.MISS);
        assertThat(row(bootstrap(20_000, 40_000), "bootstrap").ratio()).isEqualTo("0.50×");
    }

    @Test
    void push_passes_at_ten_thousand_mutations_a_second_whatever_the_baseline() {
        BenchResult fast = new BenchResult()
                .put(ResultKey.PUSH_MUTATIONS_PER_S, 10_000)
                .put(ResultKey.RAW_SERVER_INSERT_ROWS_PER_S, 80_000);
        BenchResult slow = new BenchResult()
                .put(ResultKey.PUSH_MUTATIONS_PER_S, 9_999)
                .put(ResultKey.RAW_SERVER_INSERT_ROWS_PER_S, 80_000);

        assertThat(row(fast, "push").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(fast, "push").ratio()).isEqualTo("0.13×");
        assertThat(row(slow, "push").verdict()).isEqualTo(Verdict.MISS);
    }

    @Test
    void propagation_needs_both_the_p50_and_the_p99() {
        assertThat(row(propagation(10, 30), "propagation").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(propagation(10.01, 12), "propagation").verdict()).isEqualTo(Verdict.MISS);
        assertThat(row(propagation(4, 30.01), "propagation").verdict()).isEqualTo(Verdict.MISS);
    }

    @Test
    void query_is_judged_on_its_p95_and_a_zero_baseline_has_no_ratio() {
        BenchResult result = new BenchResult()
                .put(ResultKey.QUERY_P50_MS, 3)
                .put(ResultKey.QUERY_P95_MS, 19.9)
                .put(ResultKey.COUNT_QUERY_MS, 0.0001);

        ScoreRow row = row(result, "query");

        assertThat(row.verdict()).isEqualTo(Verdict.PASS);
        assertThat(row.ratio()).isEqualTo("—");
    }

    @Test
    void fanout_misses_on_a_single_error() {
        BenchResult clean = fanout(120, 0);
        BenchResult oneError = fanout(120, 1);

        assertThat(row(clean, "fanout").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(oneError, "fanout").verdict()).isEqualTo(Verdict.MISS);
        assertThat(row(fanout(151, 0), "fanout").verdict()).isEqualTo(Verdict.MISS);
    }

    @Test
    void catchup_is_held_to_two_seconds_per_fifty_thousand_changes() {
        assertThat(Scorecard.catchupLimitSeconds(50_000)).isEqualTo(2.0);
        assertThat(Scorecard.catchupLimitSeconds(10_000)).isEqualTo(0.4);
        assertThat(row(catchup(50_000, 1.9), "catchup").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(catchup(50_000, 1.9), "catchup").target()).isEqualTo("≤ 2 s");
        assertThat(row(catchup(10_000, 0.5), "catchup").verdict()).isEqualTo(Verdict.MISS);
    }

    @Test
    void catchup_compares_with_the_same_rows_at_the_bootstrap_rate() {
        BenchResult result = catchup(50_000, 1.0).put(ResultKey.BOOTSTRAP_ROWS_PER_S, 25_000);

        ScoreRow row = row(result, "catchup");

        assertThat(row.baseline()).isEqualTo("2.00 s at bootstrap rate");
        assertThat(row.ratio()).isEqualTo("0.50×");
    }

    @Test
    void coldstart_passes_at_two_and_a_half_seconds() {
        BenchResult ok = new BenchResult().put(ResultKey.COLDSTART_S, 2.5).put(ResultKey.HELLO_JVM_S, 0.1);
        BenchResult slow = new BenchResult().put(ResultKey.COLDSTART_S, 2.6).put(ResultKey.HELLO_JVM_S, 0.1);

        assertThat(row(ok, "coldstart").verdict()).isEqualTo(Verdict.PASS);
        assertThat(row(ok, "coldstart").ratio()).isEqualTo("25.0×");
        assertThat(row(slow, "coldstart").verdict()).isEqualTo(Verdict.MISS);
    }

    @Test
    void the_table_aligns_every_column_under_its_header() {
        List<ScoreRow> rows = Scorecard.rows(bootstrap(20_000, 40_000));

        String[] lines = TableFormat.render(rows).split("\n");

        assertThat(lines).hasSize(2 + 7);
        int figureColumn = lines[0].indexOf("figure");
        assertThat(lines[2].indexOf("20,000 rows/s")).isEqualTo(figureColumn);
        assertThat(lines[1]).matches("[- ]+");
        assertThat(lines[2]).endsWith("pass");
        assertThat(lines[3]).endsWith("skipped");
    }

    private static ScoreRow row(BenchResult result, String scenario) {
        return Scorecard.rows(result).stream()
                .filter(row -> row.scenario().equals(scenario))
                .findFirst()
                .orElseThrow();
    }

    private static BenchResult bootstrap(double rate, double raw) {
        return new BenchResult()
                .put(ResultKey.BOOTSTRAP_S, 10)
                .put(ResultKey.BOOTSTRAP_ROWS_PER_S, rate)
                .put(ResultKey.RAW_INSERT_ROWS_PER_S, raw);
    }

    private static BenchResult propagation(double p50, double p99) {
        return new BenchResult()
                .put(ResultKey.PROPAGATION_P50_MS, p50)
                .put(ResultKey.PROPAGATION_P95_MS, p99)
                .put(ResultKey.PROPAGATION_P99_MS, p99)
                .put(ResultKey.HEALTH_RTT_P50_MS, 0.5);
    }

    private static BenchResult fanout(double p99, long errors) {
        return new BenchResult()
                .put(ResultKey.FANOUT_DEVICES, 200)
                .put(ResultKey.FANOUT_P99_MS, p99)
                .put(ResultKey.FANOUT_ERRORS, errors);
    }

    private static BenchResult catchup(long changes, double seconds) {
        return new BenchResult().put(ResultKey.CATCHUP_CHANGES, changes).put(ResultKey.CATCHUP_S, seconds);
    }
}
