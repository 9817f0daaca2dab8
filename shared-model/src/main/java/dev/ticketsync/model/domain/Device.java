package dev.ticketsync.model.domain;

import java.time.Instant;
import java.util.UUID;

/** One installed replica, identified by its clientId, and how far its sync has come. */
public record Device(UUID clientId, String user, Instant lastSeenAt, long lastMutationId, long cursor) {}
