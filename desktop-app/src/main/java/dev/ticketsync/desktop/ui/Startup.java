package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncEngine;
import java.nio.file.Path;

/**
 * What the window opens on, prepared before JavaFX starts: the replica, its sync engine, things to close with the
 * window (the demo server), and an optional screenshot file ({@code --screenshot}: render, save, exit).
 */
public record Startup(Replica replica, SyncEngine engine, AutoCloseable alsoClose, Path screenshot) {}
