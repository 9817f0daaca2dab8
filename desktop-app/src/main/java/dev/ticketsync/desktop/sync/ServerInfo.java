package dev.ticketsync.desktop.sync;

/** What a TicketSync server says about itself on {@code GET /health}. */
public record ServerInfo(String version, int protocolVersion) {}
