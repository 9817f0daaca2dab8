package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.query.QueryCompletion;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the list: the query field, "Save view", the explanation of a mistake, and suggestions for the term being
 * typed ({@code Tab} takes the first).
 */
final class QueryBar {

    private static final int SHOWN_SUGGESTIONS = 6;

    private final VBox root;

    QueryBar(TextField query, ObservableStringValue error, Runnable saveView) {
        query.setPromptText(
                "Filter: status:open assignee:me priority:p1,p2 tag:vpn is:pending \"login fails\"   ( / )");
        HBox.setHgrow(query, Priority.ALWAYS);
        Button save = new Button("Save view", new FontIcon(Feather.STAR));
        save.getStyleClass().add("flat");
        save.setOnAction(e -> saveView.run());
        Label mistake = new Label();
        mistake.getStyleClass().add("danger");
        mistake.textProperty().bind(error);
        Label hint = new Label();
        hint.getStyleClass().add("text-muted");
        hint.setId("query-completions");
        query.textProperty().addListener((o, before, text) -> {
            List<String> suggestions = QueryCompletion.suggestions(text);
            hint.setText(
                    suggestions.isEmpty()
                            ? ""
                            : "Tab: "
                                    + String.join(
                                            "  ·  ",
                                            suggestions.subList(0, Math.min(SHOWN_SUGGESTIONS, suggestions.size()))));
        });
        query.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            List<String> suggestions = QueryCompletion.suggestions(query.getText());
            if (event.getCode() == KeyCode.TAB && !suggestions.isEmpty()) {
                query.setText(QueryCompletion.accept(query.getText(), suggestions.get(0)));
                query.end();
                event.consume();
            }
        });
        root = new VBox(4, new HBox(8, query, save), mistake, hint);
        root.setPadding(new Insets(8));
    }

    Node node() {
        return root;
    }
}
