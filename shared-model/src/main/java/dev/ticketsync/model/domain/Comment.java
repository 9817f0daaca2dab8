package dev.ticketsync.model.domain;

import java.time.Instant;
import java.util.UUID;

/** A comment on a ticket; {@code stage} is set for stage reports. */
public record Comment(
        UUID id,
        UUID ticketId,
        String author,
        String body,
        Visibility visibility,
        CommentKind kind,
        Integer stage,
        Instant createdAt,
        Instant editedAt) {}
