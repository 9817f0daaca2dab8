package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.env.Pusher;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.protocol.PushRequest;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One device pushes a long offline spell of work (comments, priorities, tags, assignments on open tickets) in full
 * batches through the real endpoint; baseline: plain JDBC batch inserts of as many rows into the server's own H2.
 * The observer stays offline meanwhile, so the catch-up scenario can measure it catching up on exactly this work.
 */
public final class PushScenario implements Scenario {

    static final String DEVICE_USER = "alice";

    @Override
    public String name() {
        return "push";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        List<UUID> open = session.loaded().openTickets();
        session.bootstrappedObserver();
        int count = session.options().pushMutations();
        List<Command> work = session.generator().work(new Random(31), open, count);
        try (SyncClient client = session.client(DEVICE_USER)) {
            Pusher device = new Pusher(client);
            List<PushRequest> batches = device.batches(work, PushRequest.MAX_MUTATIONS);
            session.progress(String.format("pushing %,d mutations in %d batches…", count, batches.size()));
            long started = System.nanoTime();
            for (PushRequest batch : batches) {
                device.push(batch);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            session.observerMissed(device.accepted());
            if (device.rejected() > 0) {
                session.progress(String.format(
                        "push: %,d of %,d refused, first: %s", device.rejected(), count, device.firstRejection()));
            }
            result.put(ResultKey.PUSH_MUTATIONS_PER_S, count / seconds);
        }
        session.progress(String.format("raw JDBC insert of %,d rows into the server's H2…", count));
        double raw = RawInsert.intoServer(
                session.server().app().database().dataSource(),
                count,
                PushRequest.MAX_MUTATIONS,
                session.generator().commentBody(new Random(1)));
        result.put(ResultKey.RAW_SERVER_INSERT_ROWS_PER_S, raw);
    }
}
