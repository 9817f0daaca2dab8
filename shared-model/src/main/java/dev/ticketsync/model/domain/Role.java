package dev.ticketsync.model.domain;

/** Staff roles, ordered: each role may do everything the ones before it may. */
public enum Role implements WireName {
    AGENT,
    LEAD,
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
