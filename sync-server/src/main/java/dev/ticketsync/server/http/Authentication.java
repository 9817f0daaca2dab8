package dev.ticketsync.server.http;

import dev.ticketsync.model.workflow.RolePolicy;
import dev.ticketsync.server.auth.AuthService;
import dev.ticketsync.server.auth.Principal;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Runs before every matched route: a route's {@link Access} decides whether a token is needed and which permission it
 * must carry. This runs before any handler reads the body, so a caller without the right role gets 401/403 even when
 * the body is invalid.
 */
final class Authentication {

    private static final String PRINCIPAL = "ticketsync.principal";

    private final AuthService auth;

    Authentication(AuthService auth) {
        this.auth = auth;
    }

    void check(Context ctx) {
        Access access = access(ctx);
        if (access == Access.PUBLIC) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Sign in first: send Authorization: Bearer <token>");
        }
        Optional<Principal> principal = auth.authenticate(header.substring(7).strip());
        if (principal.isEmpty()) {
            throw ApiException.unauthorized("The token is unknown, expired or revoked; sign in again");
        }
        if (!RolePolicy.allows(principal.get().role(), access.permission())) {
            throw ApiException.forbidden("Your role (" + principal.get().role().wire() + ") may not do this; it needs "
                    + RolePolicy.leastRole(access.permission()).wire() + " or higher");
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    private static Access access(Context ctx) {
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof Access access) {
                return access;
            }
        }
        // A route without an Access is a mistake; fail closed.
        return Access.USERS;
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route without authentication: " + ctx.path());
        }
        return principal;
    }
}
