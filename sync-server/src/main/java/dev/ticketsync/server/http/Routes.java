package dev.ticketsync.server.http;

import dev.ticketsync.server.auth.AuthService;
import io.javalin.config.RoutesConfig;

/** Every route of the server, with authentication and error mapping in front of them. */
public final class Routes {

    private final Authentication authentication;
    private final HealthRoutes health;
    private final AuthRoutes auth;
    private final TicketRoutes tickets;
    private final SyncRoutes sync;
    private final AuditRoutes audit;
    private final AdminRoutes admin;
    private final ConsoleRoutes console;

    public Routes(
            AuthService authService,
            HealthRoutes health,
            AuthRoutes auth,
            TicketRoutes tickets,
            SyncRoutes sync,
            AdminRoutes admin,
            ConsoleRoutes console,
            AuditRoutes audit) {
        this.admin = admin;
        this.console = console;
        this.authentication = new Authentication(authService);
        this.health = health;
        this.auth = auth;
        this.tickets = tickets;
        this.sync = sync;
        this.audit = audit;
    }

    public void register(RoutesConfig routes, InFlightRequests inFlight) {
        routes.before(inFlight::enter);
        routes.after(inFlight::leave);
        HttpErrors.register(routes);
        routes.beforeMatched(authentication::check);
        health.register(routes);
        auth.register(routes);
        tickets.register(routes);
        sync.register(routes);
        audit.register(routes);
        admin.register(routes);
        console.register(routes);
    }
}
