package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchDevice;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.Percentiles;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.bench.workload.QueryMix;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * 200 mixed list queries (sidebar views, field filters, free words common, rare and absent, and both) on B's replica
 * of N tickets, through the list's own code path; baseline: a plain {@code SELECT COUNT(*)} on the replica's tickets.
 */
public final class QueryScenario implements Scenario {

    private static final int WARMUP = 20;

    @Override
    public String name() {
        return "query";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        BenchDevice b = session.syncedObserver();
        List<String> queries = QueryMix.queries(session.options().queries(), 11);
        long[] nanos = new long[queries.size()];
        try (ListQuery list = new ListQuery(b.replica())) {
            session.progress(String.format(
                    "query: %d queries over %,d tickets (the list's code path)…",
                    queries.size(), b.replica().ticketCount()));
            for (int i = 0; i < WARMUP; i++) {
                list.time(queries.get(i % queries.size()));
            }
            for (int i = 0; i < queries.size(); i++) {
                nanos[i] = list.time(queries.get(i));
            }
        }
        Percentiles p = Percentiles.ofNanosAsMillis(nanos);
        result.put(ResultKey.QUERY_P50_MS, p.p50());
        result.put(ResultKey.QUERY_P95_MS, p.p95());
        result.put(ResultKey.COUNT_QUERY_MS, countQuery(b.jdbcUrl(), 50));
    }

    /** The p50 of {@code count} {@code SELECT COUNT(*) FROM tickets} on the replica file, after a warm-up. */
    private static double countQuery(String jdbcUrl, int count) throws Exception {
        long[] nanos = new long[count];
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement s = c.createStatement()) {
            for (int i = -WARMUP; i < count; i++) {
                long started = System.nanoTime();
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM tickets")) {
                    r.next();
                    r.getLong(1);
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - started;
                }
            }
        }
        return Percentiles.ofNanosAsMillis(nanos).p50();
    }
}
