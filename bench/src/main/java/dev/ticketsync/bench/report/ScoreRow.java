package dev.ticketsync.bench.report;

/** One line of the printed table: a scenario's figure, its same-run baseline, their ratio, the target and verdict. */
public record ScoreRow(String scenario, String figure, String baseline, String ratio, String target, Verdict verdict) {

    static ScoreRow skipped(String scenario, String target) {
        return new ScoreRow(scenario, "—", "—", "—", target, Verdict.SKIPPED);
    }
}
