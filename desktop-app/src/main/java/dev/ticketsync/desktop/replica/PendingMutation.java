package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.command.Command;
import java.time.Instant;

/**
 * A local change waiting in the outbox. {@code clientTime} is the {@code now} it was applied with, so re-applying it
 * on top of fresh server state (rebase) gives the same result the user saw.
 */
public record PendingMutation(long mutationId, Command command, Instant clientTime, boolean acked, int attempts) {}
