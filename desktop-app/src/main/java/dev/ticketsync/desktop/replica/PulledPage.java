package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.protocol.PullResponse;
import java.util.List;

/** A pull page (DESIGN.md §5) with its changes kept as the server's JSON text: what {@link Replica} applies. */
public record PulledPage(List<PulledChange> changes, long cursor, long head, boolean hasMore, long lastMutationId) {

    public PulledPage {
        changes = List.copyOf(changes);
    }

    /** The same page from one parsed into trees. */
    public static PulledPage of(PullResponse page) {
        return new PulledPage(
                page.changes().stream().map(PulledChange::of).toList(),
                page.cursor(),
                page.head(),
                page.hasMore(),
                page.lastMutationId());
    }
}
