package dev.ticketsync.model.protocol;

import dev.ticketsync.model.domain.WireName;

/** The kinds of entity a pull delivers. */
public enum EntityType implements WireName {
    TICKET,
    COMMENT,
    WATCHER,
    USER,
    AUDIT
}
