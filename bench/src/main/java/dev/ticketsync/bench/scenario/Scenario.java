package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.report.BenchResult;

/** One measurement of DESIGN.md §9 with its same-run baseline; writes its figures into the result. */
public interface Scenario {

    String name();

    void run(BenchSession session, BenchResult result) throws Exception;
}
