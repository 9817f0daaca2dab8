package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.env.BenchDevice;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.env.Pusher;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.protocol.PushRequest;
import java.util.Random;

/**
 * The observer was offline while other devices worked (the push scenario's mutations, topped up to the full count if
 * that did not run); it reconnects and pulls until caught up. Baseline: the same number of rows at the bootstrap rate.
 */
public final class CatchupScenario implements Scenario {

    @Override
    public String name() {
        return "catchup";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        BenchDevice observer = session.bootstrappedObserver();
        long wanted = session.options().catchupChanges();
        long missing = wanted - session.missedByObserver();
        if (missing > 0) {
            session.progress(String.format("making %,d changes while bob is offline (not timed)…", missing));
            try (SyncClient client = session.client(PushScenario.DEVICE_USER)) {
                Pusher device = new Pusher(client);
                device.pushAll(
                        session.generator()
                                .work(new Random(37), session.loaded().openTickets(), (int) missing),
                        PushRequest.MAX_MUTATIONS);
                session.observerMissed(device.accepted());
            }
        }
        long missed = session.missedByObserver();
        session.progress(String.format("bob catches up on %,d missed changes…", missed));
        long started = System.nanoTime();
        observer.engine().syncOnce();
        double seconds = (System.nanoTime() - started) / 1e9;
        session.observerCaughtUp();
        result.put(ResultKey.CATCHUP_CHANGES, missed);
        result.put(ResultKey.CATCHUP_S, seconds);
    }
}
