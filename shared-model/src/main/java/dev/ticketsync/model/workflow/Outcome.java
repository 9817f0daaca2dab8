package dev.ticketsync.model.workflow;

/** What applying a command gives: the change to make, or a rejection to report. */
public sealed interface Outcome permits Applied, Rejection {}
