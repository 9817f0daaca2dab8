package dev.ticketsync.model.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket stands in the workflow (DESIGN.md §3). */
public enum Status implements WireName {
    NEW("New"),
    TRIAGED("Triaged"),
    IN_PROGRESS("In progress"),
    WAITING("Waiting"),
    ON_HOLD("On hold"),
    RESOLVED("Resolved"),
    CLOSED("Closed"),
    CANCELLED("Cancelled");

    /** "Open" in queries and in "My open tickets". */
    public static final Set<Status> OPEN = EnumSet.of(NEW, TRIAGED, IN_PROGRESS, WAITING, ON_HOLD);

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
