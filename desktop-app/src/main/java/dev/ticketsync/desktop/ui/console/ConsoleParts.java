package dev.ticketsync.desktop.ui.console;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Pieces both console views are built from: a page header, text columns, a line that only takes room when it speaks. */
final class ConsoleParts {

    private ConsoleParts() {}

    /** Icon, title, a muted subtitle, then whatever goes on the right. */
    static HBox header(Feather icon, String title, ObservableValue<String> subtitle, javafx.scene.Node... right) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("console-title-icon");
        Label name = new Label(title);
        name.getStyleClass().add("title-3");
        Label sub = new Label();
        sub.getStyleClass().add("text-muted");
        sub.textProperty().bind(subtitle);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, glyph, name, sub, spacer);
        header.getChildren().addAll(right);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("console-header");
        return header;
    }

    /** A short column: it grows a little with the window, leaving the rest to the {@link #filling} one. */
    static <S> TableColumn<S, String> text(String name, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setMaxWidth(width * 1.5);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** The column that takes the room the short ones leave (reasons, changes); hovering shows all of a long text. */
    static <S> TableColumn<S, String> filling(String name, double width, Function<S, String> value) {
        TableColumn<S, String> column = text(name, width, value);
        column.setMaxWidth(Double.MAX_VALUE);
        column.setCellFactory(owner -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    /** A table that fills its width and says what an empty list means. */
    static <S> TableView<S> table(String placeholder) {
        TableView<S> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(placeholder));
        return table;
    }

    /** Hides {@code node} and gives its room back while {@code text} is empty. */
    static void showWhenNotEmpty(javafx.scene.Node node, ReadOnlyStringProperty text) {
        node.visibleProperty().bind(text.isNotEmpty());
        node.managedProperty().bind(node.visibleProperty());
    }
}
