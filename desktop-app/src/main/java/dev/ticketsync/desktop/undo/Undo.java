package dev.ticketsync.desktop.undo;

import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ctrl+Z: takes back the user's last triage action. While no push has carried it, it is withdrawn from the outbox as
 * if never made; once it may be on the server, the inverse change is queued (the workflow decides whether it is
 * legal: a ticket moved from New to Triaged cannot go back to New).
 */
public final class Undo {

    /** What an undo did: withdrawn (never sent), or inverse changes made for {@code undone} of {@code total}. */
    public record Outcome(String label, boolean withdrawn, int undone, int total, List<String> refused) {}

    private final Replica replica;
    private final UndoHistory history = new UndoHistory();

    public Undo(Replica replica) {
        this.replica = replica;
    }

    public void record(UndoStep step) {
        history.record(step);
    }

    public boolean canUndo() {
        return !history.isEmpty();
    }

    /** Empty when there is nothing to undo. */
    public Optional<Outcome> undoLast() {
        Optional<UndoStep> last = history.pop();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        UndoStep step = last.get();
        int total = step.changes().size();
        if (replica.withdraw(step.mutationIds())) {
            return Optional.of(new Outcome(step.label(), true, total, total, List.of()));
        }
        int undone = 0;
        List<String> refused = new ArrayList<>();
        for (UndoStep.Change change : step.changes()) {
            Optional<Command> inverse = Inverse.of(change.before(), change.command());
            if (inverse.isEmpty()) {
                refused.add(change.before().displayKey() + ": already sent, it stays");
                continue;
            }
            try {
                LocalResult result = replica.execute(inverse.get());
                if (result.accepted()) {
                    undone++;
                } else {
                    refused.add(result.rejection().message());
                }
            } catch (ValidationException e) {
                refused.add(e.getMessage());
            }
        }
        return Optional.of(new Outcome(step.label(), false, undone, total, refused));
    }
}
