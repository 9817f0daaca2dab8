package dev.ticketsync.desktop.ui.common;

/**
 * Where view-model work runs: slow work in the background, results on the UI thread. Tests use {@link #direct()}, so
 * view models need no JavaFX toolkit.
 */
public interface Scheduler {

    void background(Runnable work);

    void ui(Runnable work);

    static Scheduler direct() {
        return new Scheduler() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }
        };
    }
}
