package dev.ticketsync.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A field's value before and after a change, as plain JSON values (strings, numbers, booleans, lists of strings), so
 * an audit entry reads the same on every side and hashes the same way.
 */
public record ValueChange(Object old, @JsonProperty("new") Object newValue) {}
