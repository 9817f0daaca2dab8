package dev.ticketsync.desktop.ui.conflicts;

import dev.ticketsync.desktop.replica.Conflict;
import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conflict inbox: every change the server refused, with its reason, and the ways out — for a text conflict keep
 * mine, keep theirs or save a merged text; for any other, retry (the same change, as a new mutation) or discard.
 * Nothing leaves the inbox unless the user says so, and a retry the workflow refuses stays with its new reason.
 */
public final class ConflictInboxViewModel {

    private final Replica replica;
    private final Scheduler scheduler;
    private final ObservableList<ConflictRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean reloadQueued = new AtomicBoolean();

    public ConflictInboxViewModel(Replica replica, Scheduler scheduler) {
        this.replica = replica;
        this.scheduler = scheduler;
        replica.onChange(ids -> reload());
    }

    public ObservableList<ConflictRow> rows() {
        return rows;
    }

    public ObjectProperty<ConflictRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the inbox in the background; a burst of changes costs one read. */
    public void reload() {
        if (!reloadQueued.compareAndSet(false, true)) {
            return;
        }
        scheduler.background(() -> {
            reloadQueued.set(false);
            List<ConflictRow> fresh = new ArrayList<>();
            for (Conflict conflict : replica.conflicts()) {
                var ticket = replica.ticket(conflict.command().ticketId());
                fresh.add(new ConflictRow(
                        conflict,
                        ticket.map(Ticket::displayKey).orElse("(ticket gone)"),
                        ticket.map(Ticket::title).orElse("")));
            }
            scheduler.ui(() -> show(fresh));
        });
    }

    private void show(List<ConflictRow> fresh) {
        ConflictRow current = selected.get();
        rows.setAll(fresh);
        ConflictRow again = current == null
                ? null
                : fresh.stream()
                        .filter(row -> row.conflict().id() == current.conflict().id())
                        .findFirst()
                        .orElse(null);
        selected.set(again != null ? again : fresh.isEmpty() ? null : fresh.get(0));
    }

    /** Text conflict: my text wins, written over what the server has now. */
    public void keepMine(ConflictRow row) {
        saveText(row, row.conflict().text().mine(), "Kept your text");
    }

    /** Text conflict: the server's text stays; my edit is dropped. */
    public void keepTheirs(ConflictRow row) {
        discard(row, "Kept their text");
    }

    /** Text conflict: a merged text, written over what the server has now. */
    public void saveMerged(ConflictRow row, String merged) {
        saveText(row, merged, "Saved the merged text");
    }

    /** The same change again, as a new mutation on the ticket as it is now. */
    public void retry(ConflictRow row) {
        resolve(row, row.conflict().command(), "Retried");
    }

    public void discard(ConflictRow row) {
        discard(row, "Discarded");
    }

    private void discard(ConflictRow row, String done) {
        scheduler.background(() -> {
            replica.discard(row.conflict().id());
            scheduler.ui(() -> message.set(done + ": " + row.headline()));
        });
    }

    private void saveText(ConflictRow row, String text, String done) {
        Command rebased;
        try {
            rebased =
                    rebase((EditFields) row.conflict().command(), row.conflict().text(), text);
        } catch (ValidationException e) {
            message.set(e.getMessage());
            return;
        }
        resolve(row, rebased, done);
    }

    private void resolve(ConflictRow row, Command command, String done) {
        scheduler.background(() -> {
            String outcome;
            try {
                LocalResult result = replica.retry(row.conflict().id(), command);
                outcome = result.accepted()
                        ? done + ": " + row.headline() + " — it syncs when the server is reachable"
                        : "Still refused: " + result.rejection().message();
            } catch (ValidationException e) {
                outcome = e.getMessage();
            }
            String shown = outcome;
            scheduler.ui(() -> message.set(shown));
        });
    }

    /**
     * The conflicting edit again, based on the server's current text (theirs) so it applies, with {@code text} as the
     * field's new value; the edit's other fields stay as the user made them.
     */
    static EditFields rebase(EditFields edit, Conflict.TextConflict conflict, String text) {
        SortedMap<EditableField, FieldEdit> changes = new TreeMap<>(edit.changes());
        EditableField field = EditableField.of(conflict.field());
        changes.put(field, FieldEdit.from(conflict.theirs(), text));
        return new EditFields(edit.ticketId(), changes);
    }
}
