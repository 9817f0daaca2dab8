package dev.ticketsync.server.http;

import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.server.auth.AuthService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Login, logout and password change. Passwords are never logged or echoed. */
public final class AuthRoutes {

    /** A login request. */
    record LoginBody(String login, String password) {}

    /** A password change. */
    record PasswordBody(String currentPassword, String newPassword) {}

    private final AuthService auth;

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login, Access.PUBLIC);
        routes.post("/api/v1/auth/logout", this::logout, Access.STAFF);
        routes.post("/api/v1/auth/password", this::password, Access.STAFF);
    }

    private void login(Context ctx) {
        LoginBody body = JsonBodies.read(ctx, LoginBody.class);
        String login = required("login", body.login());
        String password = required("password", body.password());
        try {
            FieldRules.login("login", login);
        } catch (dev.ticketsync.model.validation.ValidationException e) {
            throw ApiException.of(e);
        }
        AuthService.Login result = auth.login(login, password, ctx.ip());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", result.token());
        answer.put("user", result.user());
        answer.put("expiresAt", result.expiresAt());
        JsonBodies.ok(ctx, answer);
    }

    private void logout(Context ctx) {
        auth.logout(Authentication.principal(ctx), ctx.ip());
        ctx.status(204);
    }

    private void password(Context ctx) {
        PasswordBody body = JsonBodies.read(ctx, PasswordBody.class);
        try {
            auth.changePassword(
                    Authentication.principal(ctx),
                    required("currentPassword", body.currentPassword()),
                    required("newPassword", body.newPassword()),
                    ctx.ip());
        } catch (dev.ticketsync.model.validation.ValidationException e) {
            throw ApiException.of(e);
        }
        ctx.status(204);
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }
}
