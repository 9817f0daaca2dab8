package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.ui.common.PageView;
import dev.ticketsync.desktop.ui.common.Theme;
import dev.ticketsync.desktop.ui.main.SidebarItem.Page;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The main window: sidebar, query bar, ticket table with the detail pane (or another page: the conflict inbox, the
 * sync console), status bar, and the command palette over it all. Keyboard-first: one shortcut table drives the keys,
 * the palette (Ctrl+K) and the sheet (?).
 */
public final class MainView {

    private final MainViewModel model;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final TextField query = new TextField();

    private final TableView<Ticket> table;
    private final DetailPane detail;
    private final StatusBar statusBar;
    private final Sidebar sidebar;
    private final CommandPalette palette;
    private final Toasts toasts = new Toasts();
    private final Map<Page, PageView> pages = new EnumMap<>(Page.class);
    private Page page = Page.TICKETS;
    private Set<UUID> selectedIds = Set.of();
    private boolean restoring;
    private boolean swallowTyped;

    /** {@code pages}: the other pages the sidebar can open (the conflict inbox; for leads, the sync console…). */
    public MainView(MainViewModel model, Map<Page, PageView> pages) {
        this.model = model;
        this.table = TicketTable.create(model::isPending);
        this.detail = new DetailPane(model);
        this.statusBar = new StatusBar(model.messageProperty());
        this.pages.putAll(pages);
        this.sidebar = new Sidebar(
                model.savedViews().list(),
                model.canUseConsole() && pages.containsKey(Page.SYNC_CONSOLE),
                model.conflictCountProperty(),
                this::open,
                view -> model.savedViews().delete(view));
        this.palette = new CommandPalette(this::shortcuts, this::focusPage);
        this.pages.put(Page.TICKETS, this::ticketsPage);
        build();
        bind();
        Theme.apply(model.darkThemeProperty().get());
        model.darkThemeProperty().addListener((o, before, dark) -> Theme.apply(dark));
    }

    public Parent node() {
        return root;
    }

    private Node ticketsPage;

    private Node ticketsPage() {
        if (ticketsPage == null) {
            SplitPane split = new SplitPane(table, detail.node());
            split.setOrientation(Orientation.HORIZONTAL);
            split.setDividerPositions(0.64);
            Node top = new QueryBar(query, model.queryErrorProperty(), this::saveView).node();
            ticketsPage = new BorderPane(split, top, null, null, null);
        }
        return ticketsPage;
    }

    private void build() {
        frame.setLeft(sidebar.node());
        frame.setCenter(ticketsPage());
        frame.setBottom(statusBar.node());
        root.getChildren().addAll(frame, toasts.node(), palette.node());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // A shortcut that moves the focus into a text field must not also type its own character there.
        root.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped) {
                swallowTyped = false;
                event.consume();
            }
        });
        sidebar.select(SidebarView.ALL_OPEN);
    }

    /** A sidebar entry: a list view sets the query; a page replaces the centre. */
    private void open(SidebarItem item) {
        if (item.page() == Page.TICKETS) {
            model.queryProperty().set(item.query());
        }
        show(item.page());
    }

    private void show(Page next) {
        if (next == page) {
            return;
        }
        PageView leaving = pages.get(page);
        if (leaving != null) {
            leaving.hidden();
        }
        page = next;
        PageView view = pages.get(next);
        frame.setCenter(view.node());
        view.shown();
    }

    private void focusPage() {
        if (page == Page.TICKETS) {
            table.requestFocus();
        } else {
            pages.get(page).node().requestFocus();
        }
    }

    private void bind() {
        query.textProperty().bindBidirectional(model.queryProperty());
        table.setItems(model.rows());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Ticket>) change -> {
            if (!model.isReplacingRows() && !restoring) {
                selectedIds = table.getSelectionModel().getSelectedItems().stream()
                        .map(Ticket::id)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
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
                Platform.runLater(this::restoreSelection);
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
        model.syncStatusProperty().addListener((o, before, status) -> statusBar.show(status));
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

    /** Every action with its key: the key handler, the command palette and the shortcut sheet all read this. */
    List<Shortcut> shortcuts() {
        List<Shortcut> all = new ArrayList<>(List.of(
                new Shortcut("j", "Next ticket", () -> move(1), false),
                new Shortcut("k", "Previous ticket", () -> move(-1), false),
                new Shortcut("Enter", "Open the ticket", detail::focusOverview, false),
                new Shortcut("a", "Assign to me", () -> model.actions().assignToMe(selection()), false),
                new Shortcut(
                        "1", "Priority P1 (critical)", () -> model.actions().priority(selection(), Priority.P1), false),
                new Shortcut(
                        "2", "Priority P2 (high)", () -> model.actions().priority(selection(), Priority.P2), false),
                new Shortcut(
                        "3", "Priority P3 (normal)", () -> model.actions().priority(selection(), Priority.P3), false),
                new Shortcut("4", "Priority P4 (low)", () -> model.actions().priority(selection(), Priority.P4), false),
                new Shortcut("s", "Change status…", this::statusMenu, false),
                new Shortcut("c", "Comment on the ticket", this::comment, true),
                new Shortcut("/", "Filter the list", this::focusQuery, true),
                new Shortcut("Ctrl+N", "New ticket", this::createTicket, false),
                new Shortcut(
                        "Ctrl+Z",
                        "Undo the last triage action",
                        () -> model.actions().undo(),
                        false),
                new Shortcut("Ctrl+K", "Command palette", palette::open, true),
                new Shortcut("?", "Keyboard shortcuts", this::shortcutSheet, false),
                new Shortcut("", "Save the filter as a view…", this::saveView, false),
                new Shortcut("", "Open the conflict inbox", () -> sidebar.select(Page.CONFLICTS), false),
                new Shortcut(
                        "",
                        model.darkThemeProperty().get() ? "Switch to the light theme" : "Switch to the dark theme",
                        () -> model.darkThemeProperty()
                                .set(!model.darkThemeProperty().get()),
                        false)));
        for (SidebarView view : SidebarView.values()) {
            all.add(new Shortcut("", "Show: " + view.label(), () -> sidebar.select(view), false));
        }
        for (SavedView view : model.savedViews().list()) {
            all.add(new Shortcut("", "Show: " + view.name() + " (saved)", () -> sidebar.select(view), false));
        }
        if (model.canUseConsole() && pages.containsKey(Page.SYNC_CONSOLE)) {
            all.add(new Shortcut("", "Open the sync console", () -> sidebar.select(Page.SYNC_CONSOLE), false));
            all.add(new Shortcut("", "Open the audit log", () -> sidebar.select(Page.AUDIT_LOG), false));
        }
        return all;
    }

    // Ctrl works everywhere too (the platform's shortcut key is Cmd on macOS, and differs on some headless toolkits).
    private static final List<KeyCombination> CREATE = combos(KeyCode.N);
    private static final List<KeyCombination> PALETTE = combos(KeyCode.K);
    private static final List<KeyCombination> UNDO = combos(KeyCode.Z);

    private static List<KeyCombination> combos(KeyCode code) {
        return List.of(
                new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN),
                new KeyCodeCombination(code, KeyCombination.CONTROL_DOWN));
    }

    private static boolean matches(List<KeyCombination> combos, KeyEvent event) {
        return combos.stream().anyMatch(combo -> combo.match(event));
    }

    private void onKey(KeyEvent event) {
        if (palette.isOpen()) {
            return;
        }
        if (matches(PALETTE, event)) {
            palette.open();
            event.consume();
            return;
        }
        if (matches(CREATE, event)) {
            createTicket();
            event.consume();
            return;
        }
        if (event.getTarget() instanceof TextField || event.getTarget() instanceof TextArea) {
            if (event.getCode() == KeyCode.ESCAPE) {
                focusPage();
                event.consume();
            }
            return;
        }
        if (page != Page.TICKETS) {
            return;
        }
        if (matches(UNDO, event)) {
            model.actions().undo();
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ENTER && event.getTarget() == table) {
            detail.focusOverview();
            event.consume();
            return;
        }
        for (Shortcut shortcut : shortcuts()) {
            if (shortcut.hasKey() && shortcut.key().equals(event.getText())) {
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
        showTickets();
        query.requestFocus();
        query.selectAll();
    }

    private void comment() {
        showTickets();
        detail.focusComment();
    }

    /** From another page back to the list, as the sidebar would. */
    private void showTickets() {
        if (page != Page.TICKETS) {
            sidebar.select(SidebarView.ALL_OPEN);
        }
    }

    /** {@code ?}: every shortcut, in one sheet. */
    void shortcutSheet() {
        ShortcutSheet.show(shortcuts());
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
                List<Ticket> selection = selection();
                if (selection.size() > 1 && status != Status.RESOLVED && status != Status.CANCELLED) {
                    model.actions().transition(selection, status, null, null);
                } else {
                    detail.transition(status);
                }
            });
            menu.getItems().add(item);
        }
        menu.show(table, Side.TOP, 40, 40);
    }

    /** Names the current filter and keeps it in the sidebar. */
    private void saveView() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Save view");
        dialog.setHeaderText("Name this view: " + model.queryProperty().get());
        dialog.getEditor().setPromptText("e.g. VPN triage");
        dialog.showAndWait().map(model::saveView).ifPresent(model::tell);
    }

    /** A quiet notice (e.g. someone changed a ticket I watch); must run on the JavaFX thread. */
    public void toast(String text) {
        toasts.show(text);
    }

    public void createTicket() {
        CreateTicketDialog.show(model);
    }

    TableView<Ticket> table() {
        return table;
    }

    CommandPalette palette() {
        return palette;
    }
}
