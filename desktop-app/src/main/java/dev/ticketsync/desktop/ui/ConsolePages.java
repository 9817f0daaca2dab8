package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.ui.common.PageView;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.console.AuditBrowserView;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel;
import dev.ticketsync.desktop.ui.console.SyncConsoleView;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel;
import dev.ticketsync.desktop.ui.main.SidebarItem.Page;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import javafx.scene.Node;

/** The lead's and admin's pages of the main window: the sync console and the audit log, live only while shown. */
final class ConsolePages {

    private static final int AUDIT_PAGE = 100;

    private ConsolePages() {}

    static void add(Map<Page, PageView> pages, AdminClient admin, Scheduler scheduler) {
        SyncConsoleView console =
                new SyncConsoleView(new SyncConsoleViewModel(admin, scheduler, Clock.systemDefaultZone()));
        AuditBrowserView audit =
                new AuditBrowserView(new AuditBrowserViewModel(admin, scheduler, ZoneId.systemDefault(), AUDIT_PAGE));
        pages.put(Page.SYNC_CONSOLE, page(console.node(), console::start, console::stop));
        pages.put(Page.AUDIT_LOG, page(audit.node(), audit::start, audit::stop));
    }

    private static PageView page(Node node, Runnable start, Runnable stop) {
        return new PageView() {
            @Override
            public Node node() {
                return node;
            }

            @Override
            public void shown() {
                start.run();
            }

            @Override
            public void hidden() {
                stop.run();
            }
        };
    }
}
