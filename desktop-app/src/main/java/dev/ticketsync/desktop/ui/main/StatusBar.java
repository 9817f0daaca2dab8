package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom line: online/offline/syncing with an icon, pending and conflict counts, last sync, bootstrap progress. */
final class StatusBar {

    private final Label syncLabel = new Label();
    private final FontIcon syncIcon = new FontIcon(Feather.CLOUD);
    private final Label counts = new Label();
    private final Label message = new Label();
    private final ProgressBar bootstrap = new ProgressBar();
    private final HBox root;

    StatusBar(ObservableStringValue messages) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bootstrap.setVisible(false);
        bootstrap.setPrefWidth(160);
        message.textProperty().bind(messages);
        root = new HBox(10, syncIcon, syncLabel, bootstrap, counts, spacer, message);
        root.setPadding(new Insets(6, 10, 6, 10));
        root.getStyleClass().add("status-bar");
    }

    Node node() {
        return root;
    }

    void show(SyncStatus status) {
        if (status == null) {
            return;
        }
        String when = status.lastSync() == null ? "never synced" : "synced " + ago(status.lastSync()) + " ago";
        syncLabel.setText(
                switch (status.state()) {
                    case SYNCED -> "Online · " + when;
                    case SYNCING -> "Syncing…";
                    case CONNECTING -> "Connecting…";
                    case OFFLINE -> "Offline · changes are kept and sync later · " + when;
                    case ERROR ->
                        status.needsLogin()
                                ? "Signed out — sign in again to sync"
                                : "Sync problem: " + status.problem();
                });
        syncIcon.setIconCode(
                switch (status.state()) {
                    case SYNCED -> Feather.CHECK_CIRCLE;
                    case SYNCING, CONNECTING -> Feather.REFRESH_CW;
                    case OFFLINE -> Feather.CLOUD_OFF;
                    case ERROR -> Feather.ALERT_TRIANGLE;
                });
        counts.setText(status.pending() + " pending · " + status.conflicts() + " conflicts");
        boolean bootstrapping = status.bootstrapTotal() > 0 && status.bootstrapDone() < status.bootstrapTotal();
        bootstrap.setVisible(bootstrapping);
        if (bootstrapping) {
            bootstrap.setProgress((double) status.bootstrapDone() / status.bootstrapTotal());
        }
    }

    private static String ago(Instant at) {
        long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        return seconds < 60 ? seconds + " s" : seconds < 3600 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
