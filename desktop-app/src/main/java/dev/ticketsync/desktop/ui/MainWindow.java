package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.main.MainView;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The main window wired to a replica and its sync engine: the app and the UI tests open it the same way. */
public record MainWindow(MainViewModel model, MainView view, Scene scene) {

    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler) {
        return show(stage, replica, engine, scheduler, null);
    }

    /** As above, with {@code header} (the app's top bar with the user menu) above the main view when not null. */
    public static MainWindow show(Stage stage, Replica replica, SyncEngine engine, Scheduler scheduler, Node header) {
        MainViewModel model = new MainViewModel(replica, scheduler);
        MainView view = new MainView(model);
        engine.onStatus(model::syncStatus);
        Parent root = header == null ? view.node() : new BorderPane(view.node(), header, null, null, null);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("TicketSync");
        stage.setScene(scene);
        stage.show();
        model.reload();
        engine.start();
        return new MainWindow(model, view, scene);
    }

    /** The app's own CSS, on top of the AtlantaFX theme. */
    static String stylesheet() {
        return Objects.requireNonNull(MainWindow.class.getResource("ticketsync.css"))
                .toExternalForm();
    }
}
