package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.notify.WatchAlerts;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.ui.common.PageView;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.conflicts.ConflictInboxView;
import dev.ticketsync.desktop.ui.conflicts.ConflictInboxViewModel;
import dev.ticketsync.desktop.ui.main.MainView;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import dev.ticketsync.desktop.ui.main.SidebarItem.Page;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The main window wired to a replica and its sync engine: the app and the UI tests open it the same way. */
public record MainWindow(MainViewModel model, MainView view, ConflictInboxViewModel conflicts, Scene scene) {

    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler) {
        return show(stage, replica, engine, scheduler, null);
    }

    /** As above, with {@code header} (the app's top bar with the user menu) above the main view when not null. */
    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler, Node header) {
        MainViewModel model = new MainViewModel(replica, scheduler);
        ConflictInboxViewModel conflicts = new ConflictInboxViewModel(replica, scheduler);
        ConflictInboxView conflictView = new ConflictInboxView(conflicts);
        Map<Page, PageView> pages = new EnumMap<>(Page.class);
        pages.put(Page.CONFLICTS, new PageView() {
            @Override
            public Node node() {
                return conflictView.node();
            }

            @Override
            public void shown() {
                conflicts.reload();
                conflictView.focus();
            }
        });
        if (model.canUseConsole()) {
            ConsolePages.add(pages, new AdminClient(engine.client()), scheduler);
        }
        MainView view = new MainView(model, pages);
        // The list starts loading (first screen, then every ticket) while the window is laid out and styled.
        model.loadAllAfterFirstScreen();
        model.reload();
        engine.onStatus(model::syncStatus);
        // Reading which tickets are mine takes a moment on a big replica: not on the JavaFX thread, and after the list
        // (the background thread runs its work in order).
        scheduler.background(() -> new WatchAlerts(replica, text -> scheduler.ui(() -> view.toast(text))));
        Parent root = header == null ? view.node() : new BorderPane(view.node(), header, null, null, null);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(stylesheet());
        whenRowsLaidOut(scene, model.rows(), model::firstScreenShown);
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
        conflicts.reload();
        engine.start();
        return new MainWindow(model, view, conflicts, scene);
    }

    /** Runs {@code then} once, after the first layout pulse that finds {@code rows} not empty. */
    private static void whenRowsLaidOut(Scene scene, List<?> rows, Runnable then) {
        Runnable afterLayout = new Runnable() {
            @Override
            public void run() {
                if (!rows.isEmpty()) {
                    scene.removePostLayoutPulseListener(this);
                    then.run();
                }
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
    }

    /** The app's own CSS, on top of the AtlantaFX theme. */
    static String stylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("ticketsync.css"))
                .toExternalForm();
    }
}
