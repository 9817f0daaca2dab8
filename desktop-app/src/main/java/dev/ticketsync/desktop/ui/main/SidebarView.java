package dev.ticketsync.desktop.ui.main;

/** The fixed views of the sidebar, each a query of the list language. */
public enum SidebarView {
    MY_OPEN("My open tickets", "status:open assignee:me"),
    UNASSIGNED("Unassigned", "status:open assignee:none"),
    ALL_OPEN("All open", "status:open"),
    RECENT("Recently updated", ""),
    PENDING("Not yet synced", "is:pending");

    private final String label;
    private final String query;

    SidebarView(String label, String query) {
        this.label = label;
        this.query = query;
    }

    public String label() {
        return label;
    }

    public String query() {
        return query;
    }

    @Override
    public String toString() {
        return label;
    }
}
