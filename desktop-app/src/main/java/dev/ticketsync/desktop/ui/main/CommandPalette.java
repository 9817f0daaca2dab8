package dev.ticketsync.desktop.ui.main;

import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Ctrl+K: every action of the window with its shortcut, filtered as you type; ↑/↓ choose, Enter runs, Esc closes.
 * An overlay inside the window rather than a dialog, so it opens instantly and keeps no nested event loop.
 */
final class CommandPalette {

    private final Supplier<List<Shortcut>> actions;
    private final Runnable onClose;
    private final TextField input = new TextField();
    private final ListView<Shortcut> list = new ListView<>();
    private final StackPane overlay = new StackPane();
    private FilteredList<Shortcut> shown = new FilteredList<>(FXCollections.observableArrayList());

    CommandPalette(Supplier<List<Shortcut>> actions, Runnable onClose) {
        this.actions = actions;
        this.onClose = onClose;
        input.setPromptText("Type a command…");
        input.setId("palette-input");
        list.setId("palette-list");
        list.setPrefHeight(320);
        list.setCellFactory(view -> new ShortcutCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 1) {
                runSelected();
            }
        });
        input.textProperty().addListener((o, before, typed) -> {
            shown.setPredicate(shortcut -> shortcut.matches(typed));
            list.getSelectionModel().selectFirst();
        });
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        VBox box = new VBox(8, input, list);
        box.setPadding(new Insets(12));
        box.setMaxSize(560, Region.USE_PREF_SIZE);
        box.getStyleClass().add("command-palette");
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        StackPane.setMargin(box, new Insets(80, 0, 0, 0));
        overlay.getChildren().add(box);
        overlay.getStyleClass().add("palette-backdrop");
        overlay.setVisible(false);
        overlay.setOnMouseClicked(event -> {
            if (event.getTarget() == overlay) {
                close();
            }
        });
    }

    Node node() {
        return overlay;
    }

    boolean isOpen() {
        return overlay.isVisible();
    }

    void open() {
        shown = new FilteredList<>(FXCollections.observableArrayList(actions.get()));
        list.setItems(shown);
        input.clear();
        list.getSelectionModel().selectFirst();
        overlay.setVisible(true);
        input.requestFocus();
    }

    void close() {
        overlay.setVisible(false);
        onClose.run();
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            close();
        } else if (event.getCode() == KeyCode.ENTER) {
            runSelected();
        } else if (event.getCode() == KeyCode.DOWN) {
            list.getSelectionModel().selectNext();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        } else if (event.getCode() == KeyCode.UP) {
            list.getSelectionModel().selectPrevious();
            list.scrollTo(list.getSelectionModel().getSelectedIndex());
        } else {
            return;
        }
        event.consume();
    }

    private void runSelected() {
        Shortcut chosen = list.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            return;
        }
        // Close first: the action may open a menu or move the focus, which the palette must not take back.
        close();
        chosen.action().run();
    }

    /** An action: its label, and its key at the right. */
    private static final class ShortcutCell extends ListCell<Shortcut> {
        @Override
        protected void updateItem(Shortcut shortcut, boolean empty) {
            super.updateItem(shortcut, empty);
            setText(null);
            if (empty || shortcut == null) {
                setGraphic(null);
                return;
            }
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label key = new Label(shortcut.key());
            key.getStyleClass().add("palette-key");
            HBox row = new HBox(8, new Label(shortcut.label()), spacer);
            if (shortcut.hasKey()) {
                row.getChildren().add(key);
            }
            setGraphic(row);
        }
    }
}
