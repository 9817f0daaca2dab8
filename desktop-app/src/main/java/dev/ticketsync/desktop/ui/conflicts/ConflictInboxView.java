package dev.ticketsync.desktop.ui.conflicts;

import dev.ticketsync.desktop.replica.Conflict;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The conflict inbox: refused changes on the left; on the right the server's reason and, for a text conflict, mine and
 * theirs side by side with a merge box. Every button says what happens to the change.
 */
public final class ConflictInboxView {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    private final ConflictInboxViewModel model;
    private final ListView<ConflictRow> list = new ListView<>();
    private final VBox detail = new VBox(10);
    private final SplitPane root;

    public ConflictInboxView(ConflictInboxViewModel model) {
        this.model = model;
        list.setItems(model.rows());
        list.setCellFactory(view -> {
            ConflictCell cell = new ConflictCell();
            // Long reasons end in "…" rather than widening the list past its pane.
            cell.prefWidthProperty().bind(view.widthProperty().subtract(20));
            cell.setMaxWidth(Region.USE_PREF_SIZE);
            return cell;
        });
        list.setPlaceholder(new Label("No conflicts: the server accepted every change you made."));
        list.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((o, before, row) -> {
            if (row != null && list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
            }
            showDetail(row);
        });
        detail.setPadding(new Insets(16));
        Label message = new Label();
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(model.messageProperty());
        VBox right = new VBox(detail, message);
        VBox.setVgrow(detail, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 8, 16));
        root = new SplitPane(list, right);
        root.setDividerPositions(0.36);
        root.getStyleClass().add("conflict-inbox");
        showDetail(null);
    }

    public Node node() {
        return root;
    }

    /** Focuses the list (the sidebar opens the inbox for keyboard use). */
    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private void showDetail(ConflictRow row) {
        detail.getChildren().clear();
        if (row == null) {
            Label empty = new Label("Nothing to resolve.");
            empty.getStyleClass().add("text-muted");
            detail.getChildren().add(empty);
            return;
        }
        Conflict conflict = row.conflict();
        Label headline = new Label(row.headline());
        headline.getStyleClass().add("title-3");
        Label title = new Label(row.ticketTitle());
        title.getStyleClass().add("text-muted");
        Label reason = new Label(conflict.message(), new FontIcon(Feather.ALERT_TRIANGLE));
        reason.setWrapText(true);
        reason.getStyleClass().add("conflict-reason");
        Label when = new Label(
                "Made " + WHEN.format(conflict.clientTime()) + ", refused " + WHEN.format(conflict.createdAt()) + " ("
                        + conflict.code().name().toLowerCase() + ")");
        when.getStyleClass().add("text-muted");
        detail.getChildren().addAll(headline, title, reason, when);
        if (row.isTextConflict()) {
            textConflict(row);
        } else {
            Button retry = button("Retry", Feather.ROTATE_CW, () -> model.retry(row));
            retry.setDefaultButton(true);
            Button discard = button("Discard", Feather.TRASH_2, () -> model.discard(row));
            detail.getChildren().add(new HBox(8, retry, discard));
        }
    }

    private void textConflict(ConflictRow row) {
        Conflict.TextConflict text = row.conflict().text();
        TextArea mine = readOnly(text.mine());
        TextArea theirs = readOnly(text.theirs());
        HBox sides = new HBox(12, column("Mine", mine), column("Theirs (on the server now)", theirs));
        TextArea merged = new TextArea(text.mine());
        merged.setWrapText(true);
        merged.setPrefRowCount(5);
        merged.setId("merged-text");
        Button keepMine = button("Keep mine", Feather.USER_CHECK, () -> model.keepMine(row));
        Button keepTheirs = button("Keep theirs", Feather.SERVER, () -> model.keepTheirs(row));
        Button saveMerged = button("Save merged", Feather.GIT_MERGE, () -> model.saveMerged(row, merged.getText()));
        detail.getChildren()
                .addAll(
                        sides,
                        new Label("Edit merged " + text.field()),
                        merged,
                        new HBox(8, keepMine, keepTheirs, saveMerged));
    }

    private static VBox column(String heading, TextArea text) {
        Label label = new Label(heading);
        label.getStyleClass().add("text-bold");
        VBox column = new VBox(4, label, text);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private static TextArea readOnly(String text) {
        TextArea area = new TextArea(text == null ? "" : text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(6);
        return area;
    }

    private static Button button(String label, Feather icon, Runnable action) {
        Button button = new Button(label, new FontIcon(icon));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Two lines a conflict: what the change was, and why the server refused it. */
    private static final class ConflictCell extends ListCell<ConflictRow> {
        @Override
        protected void updateItem(ConflictRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label headline = new Label(row.headline());
            headline.getStyleClass().add("text-bold");
            Label reason = new Label(row.conflict().message());
            reason.getStyleClass().add("text-muted");
            setGraphic(new VBox(2, headline, reason));
            setText(null);
        }
    }
}
