package dev.ticketsync.desktop.sync;

/** Where the sync engine is, as the status bar shows it. */
public enum SyncState {
    OFFLINE,
    CONNECTING,
    SYNCING,
    SYNCED,
    ERROR
}
