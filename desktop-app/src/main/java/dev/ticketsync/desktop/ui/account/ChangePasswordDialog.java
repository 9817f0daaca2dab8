package dev.ticketsync.desktop.ui.account;

import atlantafx.base.theme.Styles;
import dev.ticketsync.desktop.ui.connect.FormParts;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Change password: current, new, repeat; errors under their fields; closes once the server accepted. */
final class ChangePasswordDialog {

    static final ButtonType CHANGE = new ButtonType("Change password", ButtonBar.ButtonData.OK_DONE);

    private ChangePasswordDialog() {}

    static void show(Window owner, ChangePasswordViewModel model) {
        PasswordField current = passwordField("current-password");
        PasswordField next = passwordField("new-password");
        PasswordField repeat = passwordField("repeat-password");
        current.textProperty().bindBidirectional(model.currentProperty());
        next.textProperty().bindBidirectional(model.nextProperty());
        repeat.textProperty().bindBidirectional(model.repeatProperty());

        VBox form = new VBox(
                4,
                FormParts.field("Current password", current, model.currentErrorProperty(), "current-password-error"),
                FormParts.field("New password", next, model.nextErrorProperty(), "new-password-error"),
                FormParts.field(
                        "Repeat the new password", repeat, model.repeatErrorProperty(), "repeat-password-error"),
                FormParts.banner("password-problem", Feather.ALERT_CIRCLE, "form-problem", model.problemProperty()));
        form.setPrefWidth(380);
        form.setPadding(new Insets(12, 16, 4, 16));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Change password");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(CHANGE, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        Node change = dialog.getDialogPane().lookupButton(CHANGE);
        change.getStyleClass().add(Styles.ACCENT);
        change.disableProperty().bind(model.busyProperty());
        // The dialog stays open while the server decides; it closes itself once the change is accepted.
        change.addEventFilter(ActionEvent.ACTION, event -> {
            model.submit();
            event.consume();
        });
        model.changedProperty().addListener((o, before, changed) -> {
            if (changed) {
                dialog.setResult(CHANGE);
                dialog.close();
                Alert done = new Alert(
                        Alert.AlertType.INFORMATION, "Use the new password the next time you sign in.", ButtonType.OK);
                done.initOwner(owner);
                done.setTitle("Change password");
                done.setHeaderText("Your password was changed.");
                done.show();
            }
        });
        current.requestFocus();
        dialog.show();
    }

    private static PasswordField passwordField(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        return field;
    }
}
