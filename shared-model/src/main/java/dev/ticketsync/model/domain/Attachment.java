package dev.ticketsync.model.domain;

import java.time.Instant;
import java.util.UUID;

/** Attachment metadata; the content lives content-addressed (by {@code sha256}) on the server. */
public record Attachment(
        UUID id,
        UUID ticketId,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
