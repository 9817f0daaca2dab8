package dev.ticketsync.desktop.ui.main;

import java.util.Objects;

/**
 * One entry of the sidebar: a list view (a query — fixed or saved by the user) or another page of the window (the
 * conflict inbox, and for leads and admins the sync console and the audit log).
 */
public record SidebarItem(String label, String query, Page page, boolean saved) {

    /** What the window's centre shows for an entry. */
    public enum Page {
        TICKETS,
        CONFLICTS,
        SYNC_CONSOLE,
        AUDIT_LOG
    }

    public SidebarItem {
        Objects.requireNonNull(label);
        Objects.requireNonNull(page);
    }

    public static SidebarItem view(SidebarView view) {
        return new SidebarItem(view.label(), view.query(), Page.TICKETS, false);
    }

    public static SidebarItem saved(SavedView view) {
        return new SidebarItem(view.name(), view.query(), Page.TICKETS, true);
    }

    public static SidebarItem page(Page page, String label) {
        return new SidebarItem(label, null, page, false);
    }

    @Override
    public String toString() {
        return label;
    }
}
