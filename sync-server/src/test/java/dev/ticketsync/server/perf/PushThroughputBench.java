package dev.ticketsync.server.perf;

import java.util.Locale;

/**
 * Measures push throughput (DESIGN.md §9) next to the raw JDBC baseline, in one JVM, several runs each (the first
 * warms the JIT up). Arguments: {@code [mutations per run, default 50000] [runs, default 3] [push-only | mix]}; {@code mix} pushes the bench's
 * mix of edits on existing tickets ({@link PushMix}) instead of creates.
 *
 * <pre>
 * mvn -B -ntp -pl sync-server -am test-compile
 * java -cp "sync-server/target/test-classes:sync-server/target/classes:shared-model/target/classes:$(cat cp.txt)" \
 *     dev.ticketsync.server.perf.PushThroughputBench 50000 3
 * </pre>
 *
 * where {@code cp.txt} comes from {@code mvn -pl sync-server dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=cp.txt} (the module's own classes go first, ahead of any installed snapshot).
 */
public final class PushThroughputBench {

    private PushThroughputBench() {}

    public static void main(String[] args) {
        int mutations = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean baseline = args.length <= 2 || !"push-only".equals(args[2]);
        if (args.length > 2 && "mix".equals(args[2])) {
            // The bench's push mix (comments, priorities, tags, assignments) on 6,000 existing tickets.
            for (int run = 1; run <= runs; run++) {
                report("mix push over HTTP", run, PushMix.run(6_000, mutations));
            }
            return;
        }
        for (int run = 1; run <= runs; run++) {
            if (baseline) {
                report("raw JDBC batch insert", run, RawJdbcBaseline.run(mutations));
            }
            report("push over HTTP", run, PushThroughput.run(mutations));
        }
    }

    private static void report(String what, int run, PushThroughput.Run result) {
        System.out.printf(
                Locale.ROOT,
                "run %d  %-22s %,7d mutations in %6.2f s = %,7.0f/s; each: %4.0f µs CPU in the writing thread,"
                        + " %4.0f µs in the JVM, %,6.0f bytes written%n",
                run,
                what,
                result.mutations(),
                result.elapsed().toNanos() / 1e9,
                result.perSecond(),
                result.workerCpuMicrosPerMutation(),
                result.cpuMicrosPerMutation(),
                result.storeBytesPerMutation());
    }
}
