package dev.ticketsync.desktop.ui.connect;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces the account forms share: a labelled field with its error right under it, and a message banner. */
public final class FormParts {

    private FormParts() {}

    /** Label, input, and the input's error (hidden while empty; the input turns red while it shows). */
    public static VBox field(String name, TextInputControl input, ObservableStringValue error, String errorId) {
        Label label = new Label(name);
        label.setLabelFor(input);
        label.getStyleClass().add("field-label");
        Label message = new Label();
        message.setId(errorId);
        message.getStyleClass().addAll("danger", Styles.TEXT_SMALL);
        message.setWrapText(true);
        message.textProperty().bind(error);
        showOnlyWithText(message, error);
        error.addListener((o, before, text) ->
                input.pseudoClassStateChanged(Styles.STATE_DANGER, text != null && !text.isEmpty()));
        VBox box = new VBox(4, label, input, message);
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    /** An icon and a wrapped message in a coloured box (style class {@code styleClass}), shown only with text. */
    public static HBox banner(String id, Feather icon, String styleClass, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox banner = new HBox(8, new FontIcon(icon), label);
        banner.getStyleClass().addAll("form-banner", styleClass);
        banner.setAlignment(Pos.TOP_LEFT);
        showOnlyWithText(banner, text);
        return banner;
    }

    public static void showOnlyWithText(Node node, ObservableStringValue text) {
        node.visibleProperty().bind(Bindings.isNotEmpty(text));
        node.managedProperty().bind(node.visibleProperty());
    }
}
