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
import java.util.Map;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window wired to a replica and its sync engine: the app and the UI tests open it the same way. */
public record MainWindow(MainViewModel model, MainView view, ConflictInboxViewModel conflicts, Scene scene) {

    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler) {
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
        engine.onStatus(model::syncStatus);
        // Reading which tickets are mine takes a moment on a big replica: not on the JavaFX thread.
        scheduler.background(() -> new WatchAlerts(replica, text -> scheduler.ui(() -> view.toast(text))));
        Scene scene = new Scene(view.node(), 1280, 800);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("ticketsync.css"))
                        .toExternalForm());
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
        model.reload();
        conflicts.reload();
        engine.start();
        return new MainWindow(model, view, conflicts, scene);
    }
}
