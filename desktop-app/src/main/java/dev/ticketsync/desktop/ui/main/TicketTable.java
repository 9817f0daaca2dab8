package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.domain.Ticket;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The virtualized ticket list: key, title, status, priority, assignee, updated, tags; unsynced rows marked. */
final class TicketTable {

    private static final DateTimeFormatter UPDATED =
            DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private TicketTable() {}

    static TableView<Ticket> create(Predicate<Ticket> pending) {
        TableView<Ticket> table = new TableView<>();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Key", 92, t -> (pending.test(t) ? "● " : "") + t.displayKey()));
        TableColumn<Ticket, String> title = column("Title", 320, Ticket::title);
        table.getColumns().add(title);
        table.getColumns().add(column("Status", 95, t -> t.status().label()));
        table.getColumns().add(column("Pri", 48, t -> t.priority().wire().toUpperCase()));
        table.getColumns().add(column("Assignee", 84, t -> t.assignee() == null ? "—" : t.assignee()));
        table.getColumns().add(column("Updated", 112, t -> t.updatedAt() == null ? "" : UPDATED.format(t.updatedAt())));
        table.getColumns().add(column("Tags", 140, t -> String.join(", ", t.tags())));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Ticket ticket, boolean empty) {
                super.updateItem(ticket, empty);
                pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("pending"),
                        !empty && ticket != null && pending.test(ticket));
            }
        });
        table.setPlaceholder(new javafx.scene.control.Label("No tickets match this view"));
        return table;
    }

    private static TableColumn<Ticket, String> column(String name, double width, Function<Ticket, String> value) {
        TableColumn<Ticket, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        if (!name.equals("Title") && !name.equals("Tags")) {
            // Short columns keep their width; the title takes what is left.
            column.setMinWidth(width);
        }
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
