package dev.ticketsync.bench.report;

import static dev.ticketsync.bench.report.ResultKey.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a run's figures into the table's rows: each figure next to the baseline measured in the same run, their ratio
 * (so the comparison holds on a noisy machine), and the DESIGN.md §9 target with pass or miss.
 */
public final class Scorecard {

    public static final double BOOTSTRAP_MIN_RATIO = 0.5;
    public static final double PUSH_MIN_PER_S = 10_000;
    public static final double PROPAGATION_MAX_P50_MS = 10;
    public static final double PROPAGATION_MAX_P99_MS = 30;
    public static final double QUERY_MAX_P95_MS = 20;
    public static final double FANOUT_MAX_P99_MS = 150;
    /** 2 s for 50k missed changes; a run with fewer is held to the same rate. */
    public static final double CATCHUP_MAX_S_PER_50K = 2;

    public static final double COLDSTART_MAX_S = 2.5;

    private Scorecard() {}

    public static List<ScoreRow> rows(BenchResult r) {
        List<ScoreRow> rows = new ArrayList<>();
        rows.add(bootstrap(r));
        rows.add(push(r));
        rows.add(propagation(r));
        rows.add(query(r));
        rows.add(fanout(r));
        rows.add(catchup(r));
        rows.add(coldstart(r));
        return rows;
    }

    private static ScoreRow bootstrap(BenchResult r) {
        String target = "≥ 50 % of raw insert";
        if (!r.has(BOOTSTRAP_ROWS_PER_S) || !r.has(RAW_INSERT_ROWS_PER_S)) {
            return ScoreRow.skipped("bootstrap", target);
        }
        double rate = v(r, BOOTSTRAP_ROWS_PER_S);
        double raw = v(r, RAW_INSERT_ROWS_PER_S);
        double ratio = rate / raw;
        return new ScoreRow(
                "bootstrap",
                whole(rate) + " rows/s (" + fmt(v(r, BOOTSTRAP_S), 2) + " s)",
                "raw insert " + whole(raw) + " rows/s",
                ratio(ratio),
                target,
                Verdict.of(ratio >= BOOTSTRAP_MIN_RATIO));
    }

    private static ScoreRow push(BenchResult r) {
        String target = "≥ 10,000 mutations/s";
        if (!r.has(PUSH_MUTATIONS_PER_S) || !r.has(RAW_SERVER_INSERT_ROWS_PER_S)) {
            return ScoreRow.skipped("push", target);
        }
        double rate = v(r, PUSH_MUTATIONS_PER_S);
        double raw = v(r, RAW_SERVER_INSERT_ROWS_PER_S);
        return new ScoreRow(
                "push",
                whole(rate) + " mutations/s",
                "raw server insert " + whole(raw) + " rows/s",
                ratio(rate / raw),
                target,
                Verdict.of(rate >= PUSH_MIN_PER_S));
    }

    private static ScoreRow propagation(BenchResult r) {
        String target = "p50 ≤ 10 ms, p99 ≤ 30 ms";
        if (!r.has(PROPAGATION_P50_MS) || !r.has(HEALTH_RTT_P50_MS)) {
            return ScoreRow.skipped("propagation", target);
        }
        double p50 = v(r, PROPAGATION_P50_MS);
        double p99 = v(r, PROPAGATION_P99_MS);
        double health = v(r, HEALTH_RTT_P50_MS);
        return new ScoreRow(
                "propagation",
                "p50 " + fmt(p50, 1) + " / p95 " + fmt(v(r, PROPAGATION_P95_MS), 1) + " / p99 " + fmt(p99, 1) + " ms",
                "/health p50 " + fmt(health, 2) + " ms",
                ratio(p50 / health),
                target,
                Verdict.of(p50 <= PROPAGATION_MAX_P50_MS && p99 <= PROPAGATION_MAX_P99_MS));
    }

    private static ScoreRow query(BenchResult r) {
        String target = "p95 ≤ 20 ms";
        if (!r.has(QUERY_P95_MS) || !r.has(COUNT_QUERY_MS)) {
            return ScoreRow.skipped("query", target);
        }
        double p95 = v(r, QUERY_P95_MS);
        double count = v(r, COUNT_QUERY_MS);
        return new ScoreRow(
                "query",
                "p50 " + fmt(v(r, QUERY_P50_MS), 1) + " / p95 " + fmt(p95, 1) + " ms",
                "SELECT COUNT(*) " + fmt(count, 3) + " ms",
                ratio(p95 / count),
                target,
                Verdict.of(p95 <= QUERY_MAX_P95_MS));
    }

    private static ScoreRow fanout(BenchResult r) {
        String target = "p99 push ≤ 150 ms, 0 errors";
        if (!r.has(FANOUT_P99_MS) || !r.has(FANOUT_ERRORS)) {
            return ScoreRow.skipped("fanout", target);
        }
        double p99 = v(r, FANOUT_P99_MS);
        double errors = v(r, FANOUT_ERRORS);
        return new ScoreRow(
                "fanout",
                whole(v(r, FANOUT_DEVICES)) + " devices: p99 push " + fmt(p99, 1) + " ms, " + whole(errors) + " errors",
                "—",
                "—",
                target,
                Verdict.of(p99 <= FANOUT_MAX_P99_MS && errors == 0));
    }

    private static ScoreRow catchup(BenchResult r) {
        if (!r.has(CATCHUP_S) || !r.has(CATCHUP_CHANGES)) {
            return ScoreRow.skipped("catchup", "≤ 2 s per 50k changes");
        }
        double seconds = v(r, CATCHUP_S);
        double changes = v(r, CATCHUP_CHANGES);
        double limit = catchupLimitSeconds(changes);
        String target = changes == 50_000 ? "≤ 2 s" : "≤ " + fmt(limit, 2) + " s (2 s per 50k)";
        String baseline = "—";
        String ratio = "—";
        if (r.has(BOOTSTRAP_ROWS_PER_S)) {
            double atBootstrapRate = changes / v(r, BOOTSTRAP_ROWS_PER_S);
            baseline = fmt(atBootstrapRate, 2) + " s at bootstrap rate";
            ratio = ratio(seconds / atBootstrapRate);
        }
        return new ScoreRow(
                "catchup",
                fmt(seconds, 2) + " s for " + whole(changes) + " changes",
                baseline,
                ratio,
                target,
                Verdict.of(seconds <= limit));
    }

    private static ScoreRow coldstart(BenchResult r) {
        String target = "≤ 2.5 s";
        if (!r.has(COLDSTART_S) || !r.has(HELLO_JVM_S)) {
            return ScoreRow.skipped("coldstart", target);
        }
        double seconds = v(r, COLDSTART_S);
        double hello = v(r, HELLO_JVM_S);
        return new ScoreRow(
                "coldstart",
                fmt(seconds, 2) + " s to a listed window",
                "hello-world JVM " + fmt(hello, 2) + " s",
                ratio(seconds / hello),
                target,
                Verdict.of(seconds <= COLDSTART_MAX_S));
    }

    static double catchupLimitSeconds(double changes) {
        return CATCHUP_MAX_S_PER_50K * changes / 50_000;
    }

    private static double v(BenchResult r, ResultKey key) {
        return r.get(key).orElseThrow();
    }

    static String whole(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A ratio to a baseline; a baseline too small to measure (rounded to 0) has none. */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return (value >= 100 ? fmt(value, 0) : value >= 10 ? fmt(value, 1) : fmt(value, 2)) + "×";
    }
}
