package dev.ticketsync.model.domain;

/** Internal notes are for staff only; every staff role sees them. */
public enum Visibility implements WireName {
    PUBLIC,
    INTERNAL
}
