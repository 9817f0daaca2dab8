package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.query.QueryParser;
import dev.ticketsync.desktop.query.TicketSearch;
import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncStatus;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and actions, with no view in sight: the list (all tickets, filtered by the query), the
 * selected ticket with its comments, history and legal transitions, the sync status line, and the triage actions —
 * each one local and instant, queued for sync.
 */
public final class MainViewModel {

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
    private volatile TicketSearch search;
    private volatile Set<UUID> pending = Set.of();
    private final java.util.concurrent.atomic.AtomicBoolean replacing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean reloadQueued =
            new java.util.concurrent.atomic.AtomicBoolean();

    public MainViewModel(Replica replica, Scheduler scheduler) {
        this.replica = replica;
        this.scheduler = scheduler;
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
        scheduler.ui(() -> syncStatus.set(status));
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
            TicketSearch current = search();
            current.refresh();
            Set<UUID> unsynced = current.pending();
            scheduler.ui(() -> {
                pending = unsynced;
                refreshRows();
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
        // The search answers newest update first; with places, the rows on screen keep them after the new ones.
        List<Ticket> matching = current == null ? List.of() : current.search(parsed.query(), me());
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
            scheduler.ui(() -> {
                comments.setAll(ticketComments);
                history.setAll(entries);
                transitions.setAll(legal);
            });
        });
    }

    // ---- triage actions: one mutation per ticket, results summarised ----

    public void assignToMe(List<Ticket> tickets) {
        apply(tickets, t -> new Assign(t.id(), me()), "Assigned to you");
    }

    public void priority(List<Ticket> tickets, Priority priority) {
        apply(
                tickets,
                t -> EditFields.of(t.id(), EditableField.PRIORITY, FieldEdit.to(priority.wire())),
                "Priority " + priority.wire().toUpperCase());
    }

    public void transition(List<Ticket> tickets, Status to, String resolution, String reason) {
        apply(tickets, t -> new Transition(t.id(), to, resolution, reason), "Moved to " + to.label());
    }

    public void comment(Ticket ticket, String body, boolean internal) {
        apply(
                List.of(ticket),
                t -> new AddComment(Ids.newId(), t.id(), body, internal ? Visibility.INTERNAL : Visibility.PUBLIC),
                "Comment added");
    }

    public void editText(Ticket ticket, EditableField field, String value) {
        String base = switch (field) {
            case TITLE -> ticket.title();
            case DESCRIPTION -> ticket.description();
            case RESOLUTION -> ticket.resolution();
            default -> null;
        };
        apply(List.of(ticket), t -> EditFields.of(t.id(), field, FieldEdit.from(base, value)), "Saved");
    }

    /** Creates a ticket (works offline); returns a refusal message for the dialog, or null when created. */
    public String create(String title, String description, Priority priority, TicketType type) {
        UUID id = Ids.newId();
        CreateTicket create;
        try {
            create =
                    new CreateTicket(id, title, blankToNull(description), priority, type, null, null, null, null, null);
        } catch (ValidationException e) {
            return e.getMessage();
        }
        LocalResult result = replica.execute(create);
        if (!result.accepted()) {
            return result.rejection().message();
        }
        message.set("Created " + result.ticket().displayKey() + " — it syncs when the server is reachable");
        return null;
    }

    private void apply(List<Ticket> tickets, Function<Ticket, Command> command, String done) {
        if (tickets.isEmpty()) {
            return;
        }
        scheduler.background(() -> {
            int ok = 0;
            List<String> refused = new ArrayList<>();
            for (Ticket ticket : tickets) {
                try {
                    LocalResult result = replica.execute(command.apply(ticket));
                    if (result.accepted()) {
                        ok++;
                    } else {
                        refused.add(result.rejection().message());
                    }
                } catch (ValidationException e) {
                    refused.add(e.getMessage());
                }
            }
            String summary = summary(done, ok, tickets.size(), refused);
            scheduler.ui(() -> message.set(summary));
        });
    }

    static String summary(String done, int ok, int total, List<String> refused) {
        if (total == 1) {
            return refused.isEmpty() ? done : refused.get(0);
        }
        String head = done + ": " + ok + " of " + total + " tickets";
        return refused.isEmpty()
                ? head
                : head + "; refused: " + refused.get(0)
                        + (refused.size() > 1 ? " (+" + (refused.size() - 1) + " more)" : "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
