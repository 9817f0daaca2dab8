package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchDevice;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.ResultKey;
import java.util.List;

/**
 * A new device pulls everything (N tickets, their comments, users and audit entries) into a fresh replica through the
 * real sync engine; baseline: the same rows batch-inserted with plain JDBC into a fresh H2 file with the same schema.
 */
public final class BootstrapScenario implements Scenario {

    @Override
    public String name() {
        return "bootstrap";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        session.loaded();
        if (session.observerSynced()) {
            throw new IllegalStateException("the observer must be fresh for a bootstrap");
        }
        BenchDevice device = session.observer();
        session.progress("bootstrapping bob's fresh replica…");
        long started = System.nanoTime();
        device.engine().syncOnce();
        double seconds = (System.nanoTime() - started) / 1e9;
        session.observerCaughtUp();
        long tickets = device.replica().ticketCount();
        if (tickets < session.options().tickets()) {
            throw new IllegalStateException("bootstrap ended with " + tickets + " tickets, expected "
                    + session.options().tickets());
        }

        List<RawInsert.TableRows> rows = RawInsert.readReplica(device.jdbcUrl());
        long count = RawInsert.count(rows);
        session.progress(String.format(
                "bootstrap: %,d rows in %.2f s; raw JDBC insert of the same rows into a fresh H2 file…",
                count, seconds));
        double raw = RawInsert.intoFreshReplica(session.directory("raw-replica"), rows);

        result.put(ResultKey.BOOTSTRAP_S, seconds);
        result.put(ResultKey.BOOTSTRAP_ROWS_PER_S, count / seconds);
        result.put(ResultKey.RAW_INSERT_ROWS_PER_S, raw);
    }
}
