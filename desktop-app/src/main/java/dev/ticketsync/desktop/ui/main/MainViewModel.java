package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.query.FirstScreen;
import dev.ticketsync.desktop.query.QueryParser;
import dev.ticketsync.desktop.query.TicketSearch;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.common.Theme;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state and actions, with no view in sight: the list (all tickets, filtered by the query), the
 * selected ticket with its comments, history and legal transitions, the sync status line, and the triage actions —
 * each one local and instant, queued for sync.
 */
public final class MainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private static final String THEME = "theme";

    private final Replica replica;
    private final Scheduler scheduler;
    private final Workflow workflow = Workflow.standard();
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper queryError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SyncStatus> syncStatus = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Ticket> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Ticket> selected = new SimpleObjectProperty<>();
    private final ObservableList<Comment> comments = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<Status> transitions = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper conflictCount = new ReadOnlyIntegerWrapper();
    private final TicketActions actions;
    private final SavedViews savedViews;
    private volatile TicketSearch search;
    private static final Duration FIRST_SCREEN_WAIT = Duration.ofSeconds(3);
    private volatile boolean holdFullLoad;
    private final CountDownLatch firstScreenLaidOut = new CountDownLatch(1);
    /** Until the search has read every ticket: the newest ones, for the list's first screen (UI thread only). */
    private List<Ticket> firstScreen;

    private volatile Set<UUID> pending = Set.of();
    private final java.util.concurrent.atomic.AtomicBoolean replacing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean reloadQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    public MainViewModel(Replica replica, Scheduler scheduler) {
        this.replica = replica;
        this.scheduler = scheduler;
        this.actions = new TicketActions(replica, scheduler, message::set);
        darkTheme.set(replica.setting(THEME).map("dark"::equals).orElseGet(Theme::darkByDefault));
        darkTheme.addListener((o, before, dark) -> replica.putSetting(THEME, dark ? "dark" : "light"));
        this.savedViews = new SavedViews(replica);
        query.addListener((observable, before, now) -> applyQuery());
        selected.addListener((observable, before, now) -> loadDetail(now));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyStringProperty queryErrorProperty() {
        return queryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncStatus> syncStatusProperty() {
        return syncStatus.getReadOnlyProperty();
    }

    public ObservableList<Ticket> rows() {
        return rows;
    }

    public ObjectProperty<Ticket> selectedProperty() {
        return selected;
    }

    public ObservableList<Comment> comments() {
        return comments;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ObservableList<Status> transitions() {
        return transitions;
    }

    /** The logins of active staff, for the assignee picker. */
    public ObservableList<String> people() {
        return people;
    }

    /** Light or dark, remembered with the profile. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Conflicts in the inbox, as the sync engine last counted them (the sidebar's badge). */
    public ReadOnlyIntegerProperty conflictCountProperty() {
        return conflictCount.getReadOnlyProperty();
    }

    public SavedViews savedViews() {
        return savedViews;
    }

    /** Leads and admins see the sync console and the audit log. */
    public boolean canUseConsole() {
        return replica.me().role().atLeast(Role.LEAD);
    }

    /** Saves the current query as a named view; returns a refusal for the dialog, or null when saved. */
    public String saveView(String name) {
        try {
            savedViews.save(name, query.get());
        } catch (ValidationException e) {
            return e.getMessage();
        }
        message.set("Saved view \"" + name.strip() + "\"");
        return null;
    }

    /** A line for the status bar, e.g. why a dialog's input was refused. */
    public void tell(String text) {
        message.set(text);
    }

    public void show(SavedView view) {
        query.set(view.query());
    }

    public String me() {
        return replica.me().login();
    }

    public boolean isPending(Ticket ticket) {
        return pending.contains(ticket.id());
    }

    public void show(SidebarView view) {
        query.set(view.query());
    }

    /** Called by the sync engine's listener (any thread). */
    public void syncStatus(SyncStatus status) {
        scheduler.ui(() -> {
            syncStatus.set(status);
            conflictCount.set(status.conflicts());
        });
    }

    /**
     * Brings the list up to date with the replica (in the background; the first call opens the search, which reads
     * every ticket) and re-applies the query. The search calls it again after each change it took in. Calls while a
     * load is queued coalesce into it, so a burst of pulled pages costs one reload, not one per page.
     */
    public void reload() {
        if (!reloadQueued.compareAndSet(false, true)) {
            return;
        }
        scheduler.background(() -> {
            reloadQueued.set(false);
            boolean opening = search == null;
            if (opening) {
                showFirstScreen();
                awaitFirstScreen();
            }
            TicketSearch current = search();
            current.refresh();
            Set<UUID> unsynced = current.pending();
            scheduler.ui(() -> {
                pending = unsynced;
                if (opening) {
                    // The first screen's rows had no places of their own: the whole list is sorted afresh.
                    firstScreen = null;
                    applyQuery();
                } else {
                    refreshRows();
                }
                Ticket shown = selected.get();
                if (shown != null) {
                    current.ticket(shown.id()).ifPresent(fresh -> {
                        if (!fresh.equals(shown)) {
                            selected.set(fresh);
                        } else {
                            loadDetail(fresh);
                        }
                    });
                }
            });
        });
    }

    /** The newest tickets, shown while the search reads them all (on the background thread, before it opens). */
    private void showFirstScreen() {
        List<Ticket> newest = replica.newestTickets(FirstScreen.NEWEST);
        Set<UUID> unsynced = replica.pendingTicketIds();
        // Runs before the UI task that shows the full list: the UI thread runs them in order.
        scheduler.ui(() -> {
            pending = unsynced;
            firstScreen = newest;
            applyQuery();
            if (rows.isEmpty()) {
                firstScreenShown();
            }
        });
    }

    /**
     * Asks the first load to read every ticket only once the first screen is on screen ({@link #firstScreenShown()}):
     * on a small machine the window's first layout and the full read compete for the same cores, and the rows come
     * first. The window calls this before it shows; view-model tests, with no layout to wait for, do not.
     */
    public void loadAllAfterFirstScreen() {
        holdFullLoad = true;
    }

    /** The view laid out the first screen's rows (or there were none): the full list may load now. */
    public void firstScreenShown() {
        firstScreenLaidOut.countDown();
    }

    private void awaitFirstScreen() {
        if (!holdFullLoad) {
            return;
        }
        try {
            // Bounded: a window that never lays out (minimised, closing) must not keep the list from loading.
            if (!firstScreenLaidOut.await(FIRST_SCREEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug(
                        "the first screen was not laid out within {}; loading every ticket anyway", FIRST_SCREEN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The list's search, opened by the first load: it reads every ticket, then indexes comments in the background. */
    private synchronized TicketSearch search() {
        if (search == null) {
            search = TicketSearch.open(replica, scheduler::background);
            search.onChange(ids -> reload());
        }
        return search;
    }

    /** A new query: the list is sorted afresh, newest update first. */
    private void applyQuery() {
        filter(Map.of());
    }

    /**
     * Fresh data for the same query: rows keep their places (a ticket just triaged does not jump to the top under the
     * user's cursor); tickets new to the view come first.
     */
    private void refreshRows() {
        Map<UUID, Integer> places = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            places.put(rows.get(i).id(), i);
        }
        filter(places);
    }

    private void filter(Map<UUID, Integer> places) {
        QueryParser.Result parsed = QueryParser.parse(query.get());
        if (!parsed.ok()) {
            queryError.set(parsed.error());
            return;
        }
        queryError.set("");
        TicketSearch current = search;
        List<Ticket> shown = firstScreen;
        // The search answers newest update first; with places, the rows on screen keep them after the new ones.
        List<Ticket> matching;
        if (shown != null) {
            matching = FirstScreen.rows(shown, parsed.query(), me(), pending);
        } else {
            matching = current == null ? List.of() : current.search(parsed.query(), me());
        }
        if (!places.isEmpty()) {
            matching = keepingPlaces(matching, places);
        }
        replacing.set(true);
        try {
            if (sameTickets(matching)) {
                // Same tickets in the same places: replace only the rows that changed.
                for (int i = 0; i < matching.size(); i++) {
                    if (matching.get(i) != rows.get(i) && !matching.get(i).equals(rows.get(i))) {
                        rows.set(i, matching.get(i));
                    }
                }
            } else {
                rows.setAll(matching);
            }
        } finally {
            replacing.set(false);
        }
    }

    /** Tickets new to the view first (newest first, as they came), then the others in their places on screen. */
    private static List<Ticket> keepingPlaces(List<Ticket> newestFirst, Map<UUID, Integer> places) {
        List<Ticket> ordered = new ArrayList<>(newestFirst.size());
        Ticket[] placed = new Ticket[places.size()];
        for (Ticket ticket : newestFirst) {
            Integer place = places.get(ticket.id());
            if (place == null) {
                ordered.add(ticket);
            } else {
                placed[place] = ticket;
            }
        }
        for (Ticket ticket : placed) {
            if (ticket != null) {
                ordered.add(ticket);
            }
        }
        return ordered;
    }

    private boolean sameTickets(List<Ticket> matching) {
        if (matching.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < matching.size(); i++) {
            if (matching.get(i) != rows.get(i)
                    && !matching.get(i).id().equals(rows.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * True while the list is being replaced: the table clears its selection then, and the view must not take that
     * for the user's choice (it restores the selection by ticket id afterwards).
     */
    public boolean isReplacingRows() {
        return replacing.get();
    }

    private void loadDetail(Ticket ticket) {
        if (ticket == null) {
            comments.clear();
            history.clear();
            transitions.clear();
            return;
        }
        scheduler.background(() -> {
            List<Comment> ticketComments = replica.comments(ticket.id());
            List<AuditEntry> entries = replica.history(ticket.id());
            Set<Status> legal = workflow.allowedTransitions(ticket, replica.me());
            List<String> staff = replica.users().stream()
                    .filter(User::active)
                    .map(User::login)
                    .sorted()
                    .toList();
            scheduler.ui(() -> {
                if (!people.equals(staff)) {
                    people.setAll(staff);
                }
                comments.setAll(ticketComments);
                history.setAll(entries);
                transitions.setAll(legal);
            });
        });
    }

    /** Every change the user makes from this window: triage, edits, comments, new tickets, undo. */
    public TicketActions actions() {
        return actions;
    }
}
