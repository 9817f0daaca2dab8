package dev.ticketsync.desktop.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/** Background work on one daemon thread (the replica has one connection anyway), results on the FX thread. */
public final class FxScheduler implements Scheduler, AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-background");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void background(Runnable work) {
        try {
            worker.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing; late refreshes have nowhere to go.
        }
    }

    @Override
    public void ui(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
