package dev.ticketsync.bench;

import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.env.ProcessCpu;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.bench.scenario.BootstrapScenario;
import dev.ticketsync.bench.scenario.CatchupScenario;
import dev.ticketsync.bench.scenario.ColdStartScenario;
import dev.ticketsync.bench.scenario.FanoutScenario;
import dev.ticketsync.bench.scenario.PropagationScenario;
import dev.ticketsync.bench.scenario.PushScenario;
import dev.ticketsync.bench.scenario.QueryScenario;
import dev.ticketsync.bench.scenario.Scenario;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the chosen scenarios against one session. The order differs from the table's: bootstrap first (the observer
 * must be fresh), then push with the observer offline so catch-up measures exactly that work, and cold start last (it
 * hands the observer's replica to the app's process).
 */
final class BenchRun {

    static final List<Scenario> EXECUTION_ORDER = List.of(
            new BootstrapScenario(),
            new PushScenario(),
            new CatchupScenario(),
            new PropagationScenario(),
            new QueryScenario(),
            new FanoutScenario(),
            new ColdStartScenario());

    private final BenchOptions options;
    private final PrintStream out;

    BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** What came out: the figures, and the scenarios that failed (their figures absent) with why. */
    record Outcome(BenchResult result, List<String> failures, double seconds) {}

    Outcome run() throws Exception {
        long started = System.nanoTime();
        BenchResult result = new BenchResult();
        result.put(ResultKey.TICKETS, options.tickets());
        result.put(ResultKey.COMMENTS, options.comments());
        List<String> failures = new ArrayList<>();
        try (BenchSession session = BenchSession.create(options, out)) {
            for (Scenario scenario : EXECUTION_ORDER) {
                if (!options.runs(scenario.name())) {
                    continue;
                }
                long scenarioStarted = System.nanoTime();
                double cpuBefore = ProcessCpu.seconds();
                try {
                    scenario.run(session, result);
                    session.progress(String.format(
                            "%s done in %.1f s (%.1f s CPU in this JVM, load average %.1f)",
                            scenario.name(),
                            (System.nanoTime() - scenarioStarted) / 1e9,
                            ProcessCpu.seconds() - cpuBefore,
                            ProcessCpu.loadAverage()));
                } catch (Exception e) {
                    failures.add(scenario.name() + ": " + e);
                    session.progress(scenario.name() + " FAILED: " + e);
                    e.printStackTrace(out);
                }
            }
        }
        return new Outcome(result, failures, (System.nanoTime() - started) / 1e9);
    }
}
