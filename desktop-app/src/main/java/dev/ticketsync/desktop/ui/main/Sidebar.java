package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.ui.main.SidebarItem.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sidebar: the fixed views, the user's saved views, the conflict inbox (with its count), and for leads and admins
 * the sync console and the audit log. Choosing an entry calls back; a saved view can be deleted from its menu.
 */
final class Sidebar {

    private final ListView<SidebarItem> list = new ListView<>();
    private final VBox root;
    private final ObservableList<SavedView> saved;
    private final boolean console;

    Sidebar(
            ObservableList<SavedView> saved,
            boolean console,
            ObservableIntegerValue conflicts,
            Consumer<SidebarItem> onSelect,
            Consumer<SavedView> onDelete) {
        this.saved = saved;
        this.console = console;
        Label brand = new Label("TicketSync", new FontIcon(Feather.CHECK_SQUARE));
        brand.getStyleClass().addAll("title-4", "sidebar-brand");
        root = new VBox(brand, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPrefWidth(200);
        root.getStyleClass().add("sidebar");
        list.setCellFactory(view -> new ItemCell(conflicts, onDelete));
        list.getSelectionModel().selectedItemProperty().addListener((o, before, item) -> {
            if (item != null) {
                onSelect.accept(item);
            }
        });
        saved.addListener((ListChangeListener<SavedView>) change -> rebuild());
        conflicts.addListener((o, before, now) -> list.refresh());
        rebuild();
    }

    Node node() {
        return root;
    }

    void select(Page page) {
        list.getItems().stream()
                .filter(item -> item.page() == page)
                .findFirst()
                .ifPresent(item -> list.getSelectionModel().select(item));
    }

    void select(SidebarView view) {
        list.getSelectionModel().select(SidebarItem.view(view));
    }

    void select(SavedView view) {
        list.getSelectionModel().select(SidebarItem.saved(view));
    }

    private void rebuild() {
        SidebarItem current = list.getSelectionModel().getSelectedItem();
        List<SidebarItem> items = new ArrayList<>();
        for (SidebarView view : SidebarView.values()) {
            items.add(SidebarItem.view(view));
        }
        saved.forEach(view -> items.add(SidebarItem.saved(view)));
        items.add(SidebarItem.page(Page.CONFLICTS, "Conflicts"));
        if (console) {
            items.add(SidebarItem.page(Page.SYNC_CONSOLE, "Sync console"));
            items.add(SidebarItem.page(Page.AUDIT_LOG, "Audit log"));
        }
        list.getItems().setAll(items);
        if (current != null && items.contains(current)) {
            list.getSelectionModel().select(current);
        }
    }

    private static Feather icon(SidebarItem item) {
        if (item.saved()) {
            return Feather.STAR;
        }
        return switch (item.page()) {
            case TICKETS -> Feather.INBOX;
            case CONFLICTS -> Feather.ALERT_CIRCLE;
            case SYNC_CONSOLE -> Feather.ACTIVITY;
            case AUDIT_LOG -> Feather.SHIELD;
        };
    }

    /** An entry: icon, label, and for the conflict inbox a count badge; saved views have a Delete menu. */
    private static final class ItemCell extends ListCell<SidebarItem> {
        private final ObservableIntegerValue conflicts;
        private final Consumer<SavedView> onDelete;

        ItemCell(ObservableIntegerValue conflicts, Consumer<SavedView> onDelete) {
            this.conflicts = conflicts;
            this.onDelete = onDelete;
        }

        @Override
        protected void updateItem(SidebarItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setContextMenu(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label label = new Label(item.label(), new FontIcon(icon(item)));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, label, spacer);
            if (item.page() == Page.CONFLICTS && conflicts.get() > 0) {
                Label badge = new Label(Integer.toString(conflicts.get()));
                badge.getStyleClass().add("count-badge");
                row.getChildren().add(badge);
            }
            if (item.saved()) {
                MenuItem delete = new MenuItem("Delete view \"" + item.label() + "\"");
                delete.setOnAction(e -> onDelete.accept(new SavedView(item.label(), item.query())));
                setContextMenu(new ContextMenu(delete));
            }
            setGraphic(row);
        }
    }
}
