package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: sidebar of views, query bar, ticket table, detail pane, status bar. Keyboard-first: j/k move,
 * a assigns to me, 1–4 set priority, s opens the legal statuses, c comments, / focuses the query, Ctrl+N creates.
 */
public final class MainView {

    private final MainViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField query = new TextField();
    private final TableView<Ticket> table;
    private final DetailPane detail;
    private final Label syncLabel = new Label();
    private final FontIcon syncIcon = new FontIcon(Feather.CLOUD);
    private final Label counts = new Label();
    private final Label message = new Label();
    private final ProgressBar bootstrap = new ProgressBar();
    private java.util.Set<java.util.UUID> selectedIds = java.util.Set.of();
    private boolean restoring;
    private boolean swallowTyped;

    public MainView(MainViewModel model) {
        this.model = model;
        this.table = TicketTable.create(model::isPending);
        this.detail = new DetailPane(model);
        build();
        bind();
    }

    public Parent node() {
        return root;
    }

    private void build() {
        ListView<SidebarView> sidebar = new ListView<>();
        sidebar.getItems().setAll(SidebarView.values());
        sidebar.setPrefWidth(190);
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, before, view) -> {
            if (view != null) {
                model.show(view);
            }
        });
        sidebar.getStyleClass().add("sidebar");

        query.setPromptText(
                "Filter: status:open assignee:me priority:p1,p2 tag:vpn is:pending \"login fails\"   ( / )");
        Label queryError = new Label();
        queryError.getStyleClass().add("danger");
        queryError.textProperty().bind(model.queryErrorProperty());
        VBox top = new VBox(4, query, queryError);
        top.setPadding(new Insets(8));

        SplitPane center = new SplitPane(table, detail.node());
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.64);

        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        bootstrap.setVisible(false);
        bootstrap.setPrefWidth(160);
        HBox status = new HBox(10, syncIcon, syncLabel, bootstrap, counts, spacer, message);
        status.setPadding(new Insets(6, 10, 6, 10));
        status.getStyleClass().add("status-bar");

        root.setLeft(sidebar);
        root.setTop(top);
        root.setCenter(center);
        root.setBottom(status);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // A shortcut that moves the focus into a text field must not also type its own character there.
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped) {
                swallowTyped = false;
                event.consume();
            }
        });
        sidebar.getSelectionModel().select(SidebarView.ALL_OPEN);
    }

    private void bind() {
        query.textProperty().bindBidirectional(model.queryProperty());
        table.setItems(model.rows());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Ticket>) change -> {
            if (!model.isReplacingRows() && !restoring) {
                selectedIds = table.getSelectionModel().getSelectedItems().stream()
                        .map(Ticket::id)
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, before, ticket) -> {
            if (!model.isReplacingRows() && !restoring) {
                model.selectedProperty().set(ticket);
            }
        });
        // The table drops its selection while it takes in replaced rows, in its own list listeners: restore it by
        // ticket id once the change is processed, ignoring the selection events in between.
        model.rows().addListener((ListChangeListener<Ticket>) change -> {
            if (!selectedIds.isEmpty() && !restoring) {
                restoring = true;
                javafx.application.Platform.runLater(this::restoreSelection);
            }
        });
        model.selectedProperty().addListener((o, before, ticket) -> {
            if (ticket != null && table.getSelectionModel().getSelectedItem() != ticket) {
                int index = model.rows().indexOf(ticket);
                if (index >= 0 && table.getSelectionModel().getSelectedItems().size() <= 1) {
                    table.getSelectionModel().clearAndSelect(index);
                }
            }
        });
        message.textProperty().bind(model.messageProperty());
        model.syncStatusProperty().addListener((o, before, status) -> showStatus(status));
    }

    /** After the list was refreshed, the same tickets stay selected (by id), and the focused one stays focused. */
    private void restoreSelection() {
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < model.rows().size(); i++) {
                if (selectedIds.contains(model.rows().get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
            Ticket current = model.selectedProperty().get();
            for (int i = 0; current != null && i < model.rows().size(); i++) {
                if (model.rows().get(i).id().equals(current.id())) {
                    table.getFocusModel().focus(i);
                }
            }
        } finally {
            restoring = false;
        }
    }

    private void showStatus(SyncStatus status) {
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

    private static final KeyCombination CREATE = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /** One keyboard action: the key, what it does, and whether it moves the focus into a text field. */
    record Shortcut(String key, String label, Runnable action, boolean focusesText) {}

    /** Every action with its key: the key handler, the command palette and the shortcut sheet all read this. */
    List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut("j", "Next ticket", () -> move(1), false),
                new Shortcut("k", "Previous ticket", () -> move(-1), false),
                new Shortcut("a", "Assign to me", () -> model.assignToMe(selection()), false),
                new Shortcut("1", "Priority P1 (critical)", () -> model.priority(selection(), Priority.P1), false),
                new Shortcut("2", "Priority P2 (high)", () -> model.priority(selection(), Priority.P2), false),
                new Shortcut("3", "Priority P3 (normal)", () -> model.priority(selection(), Priority.P3), false),
                new Shortcut("4", "Priority P4 (low)", () -> model.priority(selection(), Priority.P4), false),
                new Shortcut("s", "Change status…", this::statusMenu, false),
                new Shortcut("c", "Comment on the ticket", detail::focusComment, true),
                new Shortcut("/", "Filter the list", this::focusQuery, true),
                new Shortcut("?", "Keyboard shortcuts", this::shortcutSheet, false),
                new Shortcut("Ctrl+N", "New ticket", this::createTicket, false));
    }

    // Ctrl works everywhere too (the platform's shortcut key is Cmd on macOS, and differs on some headless toolkits).
    private static final KeyCombination CREATE_CTRL = new KeyCodeCombination(KeyCode.N, KeyCombination.CONTROL_DOWN);

    private void onKey(KeyEvent event) {
        if (CREATE.match(event) || CREATE_CTRL.match(event)) {
            createTicket();
            event.consume();
            return;
        }
        if (event.getTarget() instanceof TextField || event.getTarget() instanceof TextArea) {
            if (event.getCode() == KeyCode.ESCAPE) {
                table.requestFocus();
                event.consume();
            }
            return;
        }
        for (Shortcut shortcut : shortcuts()) {
            if (shortcut.key().equals(event.getText())) {
                // A shortcut that moves the focus into a text field must not also type its character there.
                swallowTyped = shortcut.focusesText();
                shortcut.action().run();
                event.consume();
                return;
            }
        }
    }

    private List<Ticket> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    /** {@code ?}: every shortcut, in one sheet. */
    void shortcutSheet() {
        GridPane sheet = new GridPane();
        sheet.setHgap(24);
        sheet.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : shortcuts()) {
            Label key = new Label(shortcut.key());
            key.getStyleClass().add("text-bold");
            sheet.addRow(row++, key, new Label(shortcut.label()));
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.getDialogPane().setContent(sheet);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }

    private void move(int by) {
        int index = Math.max(
                0, Math.min(model.rows().size() - 1, table.getSelectionModel().getSelectedIndex() + by));
        table.getSelectionModel().clearAndSelect(index);
        table.scrollTo(Math.max(0, index - 5));
    }

    /** The legal statuses of the selected ticket, as a menu at the table. */
    private void statusMenu() {
        ContextMenu menu = new ContextMenu();
        for (Status status : model.transitions()) {
            MenuItem item = new MenuItem(status.label());
            item.setOnAction(e -> {
                List<Ticket> selection = List.copyOf(table.getSelectionModel().getSelectedItems());
                if (selection.size() > 1 && status != Status.RESOLVED && status != Status.CANCELLED) {
                    model.transition(selection, status, null, null);
                } else {
                    detail.transition(status);
                }
            });
            menu.getItems().add(item);
        }
        menu.show(table, javafx.geometry.Side.TOP, 40, 40);
    }

    /** Ctrl+N: a small dialog; the ticket is created locally at once and syncs when it can. */
    public void createTicket() {
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
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String refusal = model.create(title.getText(), description.getText(), priority.getValue(), type.getValue());
            if (refusal != null) {
                error.setText(refusal);
                event.consume();
            }
        });
        title.requestFocus();
        dialog.showAndWait();
    }

    TableView<Ticket> table() {
        return table;
    }
}
