package dev.ticketsync.model.protocol;

import dev.ticketsync.model.domain.WireName;

public enum MutationStatus implements WireName {
    ACCEPTED,
    REJECTED,
    DUPLICATE
}
