package dev.ticketsync.model.domain;

public enum TicketType implements WireName {
    INCIDENT,
    REQUEST,
    PROBLEM,
    TASK
}
