package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.undo.Undo;
import dev.ticketsync.desktop.undo.UndoStep;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.RemoveTags;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.FieldValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The changes a user makes from the main window, each local and instant, queued for sync: triage (bulk: one mutation
 * per ticket, results summarised in one line), in-place edits, comments, new tickets, and undo of the last action.
 */
public final class TicketActions {

    private final Replica replica;
    private final Scheduler scheduler;
    private final Consumer<String> tell;
    private final String me;
    private final Undo undo;

    /** {@code tell} shows a line in the status bar; it is called on the UI thread. */
    TicketActions(Replica replica, Scheduler scheduler, Consumer<String> tell) {
        this.replica = replica;
        this.scheduler = scheduler;
        this.tell = tell;
        this.me = replica.me().login();
        this.undo = new Undo(replica);
    }

    public void assignToMe(List<Ticket> tickets) {
        apply(tickets, t -> new Assign(t.id(), me), "Assigned to you");
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

    /**
     * An in-place edit of one field. A text field's edit carries the text it started from, so the server can tell a
     * concurrent edit (a conflict to merge) from a plain overwrite.
     */
    public void edit(Ticket ticket, EditableField field, String value) {
        String base = FieldValues.wire(ticket, field);
        if (java.util.Objects.equals(base, value)) {
            return;
        }
        apply(
                List.of(ticket),
                t -> EditFields.of(t.id(), field, field.isText() ? FieldEdit.from(base, value) : FieldEdit.to(value)),
                "Saved " + field.wire().replace('_', ' '));
    }

    /** Assigns the tickets to {@code login}, or unassigns them with null. */
    public void assign(List<Ticket> tickets, String login) {
        apply(tickets, t -> new Assign(t.id(), login), login == null ? "Unassigned" : "Assigned to " + login);
    }

    /** Makes the ticket's tags exactly {@code tags}: one change adding the new ones, one removing the dropped ones. */
    public void tags(Ticket ticket, Set<String> tags) {
        Set<String> added = new TreeSet<>(tags);
        added.removeAll(ticket.tags());
        Set<String> removed = new TreeSet<>(ticket.tags());
        removed.removeAll(tags);
        if (!added.isEmpty()) {
            apply(List.of(ticket), t -> new AddTags(t.id(), List.copyOf(added)), "Tags added");
        }
        if (!removed.isEmpty()) {
            apply(List.of(ticket), t -> new RemoveTags(t.id(), List.copyOf(removed)), "Tags removed");
        }
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
        String created = "Created " + result.ticket().displayKey() + " — it syncs when the server is reachable";
        scheduler.ui(() -> tell.accept(created));
        return null;
    }

    private void apply(List<Ticket> tickets, Function<Ticket, Command> command, String done) {
        if (tickets.isEmpty()) {
            return;
        }
        scheduler.background(() -> {
            int ok = 0;
            List<String> refused = new ArrayList<>();
            List<UndoStep.Change> made = new ArrayList<>();
            for (Ticket ticket : tickets) {
                try {
                    Command change = command.apply(ticket);
                    LocalResult result = replica.execute(change);
                    if (result.accepted()) {
                        ok++;
                        made.add(new UndoStep.Change(ticket, change, result.mutationId()));
                    } else {
                        refused.add(result.rejection().message());
                    }
                } catch (ValidationException e) {
                    refused.add(e.getMessage());
                }
            }
            undo.record(new UndoStep(done, made));
            String summary = summary(done, ok, tickets.size(), refused);
            scheduler.ui(() -> tell.accept(summary));
        });
    }

    /** Ctrl+Z: takes back the last triage action (withdrawn while unsent, else the inverse change). */
    public void undo() {
        scheduler.background(() -> {
            String summary = undo.undoLast()
                    .map(outcome -> outcome.withdrawn()
                            ? "Undone: " + outcome.label() + " (it had not been sent)"
                            : summary(
                                    "Undone: " + outcome.label(), outcome.undone(), outcome.total(), outcome.refused()))
                    .orElse("Nothing to undo");
            scheduler.ui(() -> tell.accept(summary));
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
