package dev.ticketsync.model.workflow;

import dev.ticketsync.model.domain.WireName;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Turns field values into the plain JSON values audit changes hold, so every side records and hashes the same. */
final class AuditValues {

    private AuditValues() {}

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof WireName wire) {
            return wire.wire();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(AuditValues::of).toList();
        }
        throw new IllegalArgumentException("no audit form for " + value.getClass());
    }
}
