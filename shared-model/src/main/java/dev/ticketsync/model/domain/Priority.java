package dev.ticketsync.model.domain;

/** P1 critical … P4 low; {@code p1}…{@code p4} on the wire. */
public enum Priority implements WireName {
    P1("Critical"),
    P2("High"),
    P3("Normal"),
    P4("Low");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
