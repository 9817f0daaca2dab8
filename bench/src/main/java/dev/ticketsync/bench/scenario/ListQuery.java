package dev.ticketsync.bench.scenario;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.main.MainViewModel;

/**
 * The ticket list's own query path, driven without a window: the app's {@link MainViewModel} on the replica, each query
 * typed into its query property (parse, match every ticket — free words also search comment text — sort, fill the
 * rows). Its reload (loading tickets and comment text) runs once before the queries, as in the app. The one class to
 * swap if the list's search moves elsewhere.
 */
final class ListQuery implements AutoCloseable {

    private final SameThreadScheduler scheduler = new SameThreadScheduler();
    private final MainViewModel model;

    ListQuery(Replica replica) {
        model = new MainViewModel(replica, scheduler);
        model.reload();
    }

    /** Types {@code text} into the query bar; returns the nanoseconds until the rows were refiltered. */
    long time(String text) {
        if (text.equals(model.queryProperty().get())) {
            // The list refilters only when the text changes: an equivalent text first, untimed.
            model.queryProperty().set(text + " ");
        }
        long started = System.nanoTime();
        model.queryProperty().set(text);
        long elapsed = System.nanoTime() - started;
        if (!model.queryErrorProperty().get().isEmpty()) {
            throw new IllegalArgumentException("bench query '" + text + "' does not parse: "
                    + model.queryErrorProperty().get());
        }
        return elapsed;
    }

    int rows() {
        return model.rows().size();
    }

    /** The view model stays subscribed to the replica: from now on its reloads are dropped. */
    @Override
    public void close() {
        scheduler.open = false;
    }

    /** Runs view-model work at once on the caller's thread, until closed. */
    private static final class SameThreadScheduler implements Scheduler {
        private volatile boolean open = true;

        @Override
        public void background(Runnable work) {
            if (open) {
                work.run();
            }
        }

        @Override
        public void ui(Runnable work) {
            if (open) {
                work.run();
            }
        }
    }
}
