package dev.ticketsync.desktop.ui;

import com.sun.management.OperatingSystemMXBean;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import dev.ticketsync.model.domain.Ticket;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;

/**
 * {@code -Dticketsync.exitWhenListShown=true}: the bench's cold-start probe. Once the ticket list holds rows and a
 * layout pulse has laid them out, prints one line on stdout (with the rows and the process's CPU time) and quits — so "usable list" is measured to the pulse,
 * not to a guessed delay.
 */
final class ListShownProbe {

    static final String PROPERTY = "ticketsync.exitWhenListShown";
    static final String LINE = "ticketsync: list shown";

    private ListShownProbe() {}

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * The CPU time this process used so far, all threads: on a shared machine it says more than the wall time does.
     * "?" where the JVM does not tell.
     */
    private static String cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.2f", os.getProcessCpuTime() / 1e9);
        }
        return "?";
    }

    static void exitWhenShown(Scene scene, MainViewModel model) {
        AtomicBoolean armed = new AtomicBoolean();
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println(LINE + " (" + model.rows().size() + " rows, " + cpuSeconds() + " s CPU)");
                System.out.flush();
                Platform.exit();
            }
        };
        Runnable armOnRows = () -> {
            if (!model.rows().isEmpty() && armed.compareAndSet(false, true)) {
                scene.addPostLayoutPulseListener(afterLayout);
                Platform.requestNextPulse();
            }
        };
        model.rows().addListener((ListChangeListener<Ticket>) change -> armOnRows.run());
        armOnRows.run();
    }
}
