package dev.ticketsync.desktop.undo;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.domain.Ticket;
import java.util.List;

/**
 * One triage action as the user made it (perhaps on many tickets): what it was called, and per ticket the ticket as
 * it was before, the command, and the mutation that carries it.
 */
public record UndoStep(String label, List<Change> changes) {

    public record Change(Ticket before, Command command, long mutationId) {}

    public UndoStep {
        changes = List.copyOf(changes);
    }

    public List<Long> mutationIds() {
        return changes.stream().map(Change::mutationId).toList();
    }
}
