package dev.ticketsync.server.http;

import dev.ticketsync.model.workflow.Permission;
import io.javalin.security.RouteRole;

/** Who may call a route, checked before the body is read (DESIGN.md §7). */
public enum Access implements RouteRole {
    PUBLIC(null),
    STAFF(Permission.READ_TICKET_AUDIT),
    CONSOLE(Permission.READ_ADMIN_CONSOLE),
    USERS(Permission.MANAGE_USERS),
    TOKENS(Permission.MANAGE_TOKENS);

    private final Permission permission;

    Access(Permission permission) {
        this.permission = permission;
    }

    /** The permission the caller needs, or null for a public route. */
    public Permission permission() {
        return permission;
    }
}
