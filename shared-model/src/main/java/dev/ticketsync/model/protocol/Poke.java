package dev.ticketsync.model.protocol;

/** Sent on the event stream when the head moves: pull if your cursor is behind. */
public record Poke(long head) {}
