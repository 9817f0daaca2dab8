package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.main.MainView;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window wired to a replica and its sync engine: the app and the UI tests open it the same way. */
public record MainWindow(MainViewModel model, MainView view, Scene scene) {

    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler) {
        MainViewModel model = new MainViewModel(replica, scheduler);
        MainView view = new MainView(model);
        engine.onStatus(model::syncStatus);
        Scene scene = new Scene(view.node(), 1280, 800);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource("ticketsync.css"))
                        .toExternalForm());
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
        model.reload();
        engine.start();
        return new MainWindow(model, view, scene);
    }
}
