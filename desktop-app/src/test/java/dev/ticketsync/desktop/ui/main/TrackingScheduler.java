package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.ui.common.FxScheduler;
import dev.ticketsync.desktop.ui.common.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's scheduler (background thread, results via {@code Platform.runLater}) that also counts the work it has
 * not finished, so a UI test can wait until an action's effects are on screen — the pace of a person, who looks
 * before the next key.
 */
public final class TrackingScheduler implements Scheduler, AutoCloseable {

    private final FxScheduler app = new FxScheduler();
    private final AtomicInteger unfinished = new AtomicInteger();

    @Override
    public void background(Runnable work) {
        unfinished.incrementAndGet();
        app.background(() -> {
            try {
                work.run();
            } finally {
                unfinished.decrementAndGet();
            }
        });
    }

    @Override
    public void ui(Runnable work) {
        unfinished.incrementAndGet();
        app.ui(() -> {
            try {
                work.run();
            } finally {
                unfinished.decrementAndGet();
            }
        });
    }

    /** Waits until every queued load and action has run and its result reached the screen. */
    public void settle() {
        Awaitility.await("the window to settle")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> unfinished.get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        app.close();
    }
}
