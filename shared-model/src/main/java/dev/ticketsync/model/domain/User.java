package dev.ticketsync.model.domain;

import java.util.UUID;

/** A staff member as every replica sees them: enough for pickers and names offline. */
public record User(UUID id, String login, String displayName, Role role, boolean active) {}
