package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.TicketType;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Ctrl+N: a small dialog; the ticket is created locally at once and syncs when it can. */
final class CreateTicketDialog {

    private CreateTicketDialog() {}

    static void show(MainViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("New ticket");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextField title = new TextField();
        title.setPromptText("Title");
        TextArea description = new TextArea();
        description.setPromptText("Description");
        description.setPrefRowCount(4);
        ComboBox<Priority> priority = new ComboBox<>();
        priority.getItems().setAll(Priority.values());
        priority.setValue(Priority.P3);
        ComboBox<TicketType> type = new ComboBox<>();
        type.getItems().setAll(TicketType.values());
        type.setValue(TicketType.REQUEST);
        Label error = new Label();
        error.getStyleClass().add("danger");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Title"), title);
        form.addRow(1, new Label("Description"), description);
        form.addRow(2, new Label("Priority"), priority);
        form.addRow(3, new Label("Type"), type);
        form.add(error, 1, 4);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            String refusal = model.actions()
                    .create(title.getText(), description.getText(), priority.getValue(), type.getValue());
            if (refusal != null) {
                error.setText(refusal);
                event.consume();
            }
        });
        title.requestFocus();
        dialog.showAndWait();
    }
}
