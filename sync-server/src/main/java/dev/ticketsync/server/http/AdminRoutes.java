package dev.ticketsync.server.http;

import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.server.UserAdmin;
import dev.ticketsync.server.auth.AuthService;
import dev.ticketsync.server.auth.PasswordHasher;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.command.Origin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Users and API tokens (admins). The console's read-only data lives in {@link ConsoleRoutes}. */
public final class AdminRoutes {

    /** A new user. */
    record NewUser(String login, String displayName, Role role, String password) {}

    /** Changes to a user; absent fields stay as they are. */
    record UserChange(String displayName, Role role, Boolean active, String password) {}

    /** A new API token: a name for people and an expiry (default 90 days). */
    record NewToken(String name, Instant expiresAt) {}

    private final UserAdmin users;
    private final AuthService auth;
    private final Clock clock;

    public AdminRoutes(UserAdmin users, AuthService auth, Clock clock) {
        this.users = users;
        this.auth = auth;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/admin/users", this::create, Access.USERS);
        routes.get("/api/v1/admin/users", ctx -> JsonBodies.page(ctx, users.all(), null, null), Access.USERS);
        routes.patch("/api/v1/admin/users/{login}", this::update, Access.USERS);
        routes.post("/api/v1/admin/users/{login}/tokens", this::issueToken, Access.TOKENS);
        routes.delete("/api/v1/admin/tokens/{id}", this::revokeToken, Access.TOKENS);
    }

    private void create(Context ctx) {
        NewUser body = JsonBodies.read(ctx, NewUser.class);
        try {
            FieldRules.login("login", FieldRules.required("login", body.login()));
            FieldRules.shortName("displayName", FieldRules.required("displayName", body.displayName()), 200);
            FieldRules.required("role", body.role());
            PasswordHasher.checkStrength("password", body.password());
        } catch (ValidationException e) {
            throw ApiException.of(e);
        }
        if (users.find(body.login()).isPresent()) {
            throw new ApiException(409, ErrorCode.CONFLICT, "There is already a user '" + body.login() + "'", "login");
        }
        User user = users.create(
                admin(ctx).login(),
                body.login(),
                body.displayName().strip(),
                body.role(),
                body.password(),
                origin(ctx));
        ctx.header("Location", "/api/v1/admin/users/" + user.login());
        JsonBodies.write(ctx, 201, user);
    }

    private void update(Context ctx) {
        UserChange body = JsonBodies.read(ctx, UserChange.class);
        User current = existing(ctx.pathParam("login"));
        try {
            if (body.displayName() != null) {
                FieldRules.shortName("displayName", body.displayName(), 200);
            }
            if (body.password() != null) {
                PasswordHasher.checkStrength("password", body.password());
            }
        } catch (ValidationException e) {
            throw ApiException.of(e);
        }
        Principal admin = admin(ctx);
        if (current.login().equals(admin.login())
                && (Boolean.FALSE.equals(body.active()) || (body.role() != null && body.role() != Role.ADMIN))) {
            throw new ApiException(409, ErrorCode.CONFLICT, "You cannot deactivate or demote yourself", "login");
        }
        User changed = new User(
                current.id(),
                current.login(),
                body.displayName() == null
                        ? current.displayName()
                        : body.displayName().strip(),
                body.role() == null ? current.role() : body.role(),
                body.active() == null ? current.active() : body.active());
        JsonBodies.ok(ctx, users.update(admin.login(), changed, body.password(), origin(ctx)));
    }

    private void issueToken(Context ctx) {
        NewToken body = JsonBodies.readObjectOrEmpty(ctx).isEmpty()
                ? new NewToken(null, null)
                : JsonBodies.read(ctx, NewToken.class);
        User user = existing(ctx.pathParam("login"));
        Instant now = clock.instant();
        Instant expires = body.expiresAt() == null ? now.plus(Duration.ofDays(90)) : body.expiresAt();
        if (!expires.isAfter(now)) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        String name = body.name() == null ? "api token" : body.name();
        try {
            FieldRules.shortName("name", name, 200);
        } catch (ValidationException e) {
            throw ApiException.of(e);
        }
        AuthService.IssuedToken issued = auth.issueApiToken(admin(ctx), user, name, expires, ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", issued.id());
        answer.put("token", issued.token());
        answer.put("user", user.login());
        answer.put("name", name);
        answer.put("expiresAt", issued.expiresAt());
        JsonBodies.write(ctx, 201, answer);
    }

    private void revokeToken(Context ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("id", "must be a token id (UUID)");
        }
        if (!auth.revokeToken(admin(ctx), id, ctx.ip())) {
            throw ApiException.notFound("There is no token " + id);
        }
        ctx.status(204);
    }

    private User existing(String login) {
        return users.find(login).orElseThrow(() -> ApiException.notFound("There is no user '" + login + "'"));
    }

    private static Principal admin(Context ctx) {
        return Authentication.principal(ctx);
    }

    private static Origin origin(Context ctx) {
        return new Origin(null, ctx.ip());
    }
}
