package dev.ticketsync.bench.workload;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.domain.Status;
import java.util.List;
import java.util.UUID;

/**
 * One generated ticket as the commands a device pushes to make it: the create, its comments, then the transitions that
 * take it to {@code status}. The steps must run in order and by its reporter (who may cancel their own ticket).
 */
public record TicketScript(UUID id, String reporter, Status status, List<Command> steps) {

    public TicketScript {
        steps = List.copyOf(steps);
    }
}
