package dev.ticketsync.desktop.undo;

import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.workflow.FieldValues;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The change that puts a ticket back the way it was before a command, for an undo the server has already seen.
 * Comments and new tickets have none: what others may have read stays (a withdrawn, never-sent one simply vanishes).
 */
public final class Inverse {

    private Inverse() {}

    public static Optional<Command> of(Ticket before, Command command) {
        if (command instanceof Assign) {
            return Optional.of(new Assign(before.id(), before.assignee()));
        }
        if (command instanceof Transition) {
            String resolution = before.status() == Status.RESOLVED ? before.resolution() : null;
            return Optional.of(new Transition(before.id(), before.status(), resolution, null));
        }
        if (command instanceof EditFields edit) {
            SortedMap<EditableField, FieldEdit> back = new TreeMap<>();
            for (Map.Entry<EditableField, FieldEdit> change : edit.changes().entrySet()) {
                EditableField field = change.getKey();
                String old = FieldValues.wire(before, field);
                // A text edit is based on what I wrote, so someone else's later edit is not silently overwritten.
                back.put(
                        field, field.isText() ? FieldEdit.from(change.getValue().value(), old) : FieldEdit.to(old));
            }
            return Optional.of(new EditFields(before.id(), back));
        }
        return Optional.empty();
    }
}
