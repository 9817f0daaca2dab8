package dev.ticketsync.server.auth;

import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.http.ApiException;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TokenRows;
import dev.ticketsync.server.store.TokenRows.StoredToken;
import dev.ticketsync.server.store.UserRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Logins, session and API tokens. Passwords are checked outside the writer lock (bcrypt is slow on purpose); only the
 * token row and its audit entry are written through the one writer.
 */
public final class AuthService {

    public static final String SESSION = "session";
    public static final String API = "api";

    /** What a successful login returns; {@code token} is shown once and never stored. */
    public record Login(String token, User user, Instant expiresAt) {}

    private final Database database;
    private final Writer writer;
    private final PasswordHasher hasher;
    private final TokenCodec tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration sessionTtl;
    private final UserRows users = new UserRows();
    private final TokenRows tokenRows = new TokenRows();

    public AuthService(
            Database database,
            Writer writer,
            PasswordHasher hasher,
            TokenCodec tokens,
            LoginThrottle throttle,
            Clock clock,
            Duration sessionTtl) {
        this.database = database;
        this.writer = writer;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    public Login login(String login, String password, String ip) {
        Optional<Duration> wait = throttle.retryAfter(login, ip);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            throw new ApiException(
                            429, ErrorCode.THROTTLED, "Too many failed logins; try again in " + seconds + " s", null)
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        Optional<UserRows.Account> account = database.read(c -> users.find(c, login));
        boolean ok = account.isPresent()
                ? hasher.matches(password.toCharArray(), account.get().passwordHash())
                : hasher.matchesUnknownUser(password.toCharArray());
        if (!ok || !account.get().user().active()) {
            throttle.recordFailure(login, ip);
            writer.write(tx -> tx.audit(
                    account.isPresent() ? login : null, null, ip, AuditAction.LOGIN_FAILED, null, new TreeMap<>()));
            throw ApiException.unauthorized("Wrong login or password");
        }
        throttle.recordSuccess(login, ip);
        User user = account.get().user();
        Instant now = clock.instant();
        String token = tokens.newToken();
        StoredToken stored =
                new StoredToken(UUID.randomUUID(), user.login(), SESSION, null, now, now.plus(sessionTtl), null);
        writer.write(tx -> {
            tokenRows.insert(tx.connection(), stored, tokens.hash(token));
            return tx.audit(user.login(), null, ip, AuditAction.LOGIN, null, new TreeMap<>());
        });
        return new Login(token, user, stored.expiresAt());
    }

    /** The principal behind a bearer token, or empty when the token is unknown, expired, revoked or its user is off. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = tokens.hash(token);
        return database.read(c -> {
            Optional<StoredToken> stored = tokenRows.findByHash(c, hash);
            if (stored.isEmpty() || !stored.get().validAt(clock.instant())) {
                return Optional.empty();
            }
            return users.find(c, stored.get().userLogin())
                    .map(UserRows.Account::user)
                    .filter(User::active)
                    .map(user -> new Principal(
                            user.login(),
                            user.role(),
                            stored.get().id(),
                            stored.get().kind()));
        });
    }

    public void logout(Principal principal, String ip) {
        writer.write(tx -> {
            tokenRows.revoke(tx.connection(), principal.tokenId(), tx.now());
            return tx.audit(principal.login(), null, ip, AuditAction.LOGOUT, null, new TreeMap<>());
        });
    }

    public void changePassword(Principal principal, String current, String next, String ip) {
        PasswordHasher.checkStrength("newPassword", next);
        String stored = database.read(c -> users.find(c, principal.login()))
                .orElseThrow()
                .passwordHash();
        if (!hasher.matches(current.toCharArray(), stored)) {
            throw new ApiException(403, ErrorCode.FORBIDDEN, "The current password is wrong", "currentPassword");
        }
        String hash = hasher.hash(next.toCharArray());
        writer.write(tx -> {
            users.setPasswordHash(tx.connection(), principal.login(), hash);
            return tx.audit(principal.login(), null, ip, AuditAction.PASSWORD_CHANGED, null, new TreeMap<>());
        });
    }

    /** A new API token: its id (to revoke it) and its text, shown once. */
    public record IssuedToken(UUID id, String token, Instant expiresAt) {}

    /** Issues an API token for integrations; the token text is returned once. */
    public IssuedToken issueApiToken(Principal admin, User user, String name, Instant expiresAt, String ip) {
        String token = tokens.newToken();
        StoredToken stored =
                new StoredToken(UUID.randomUUID(), user.login(), API, name, clock.instant(), expiresAt, null);
        writer.write(tx -> {
            tokenRows.insert(tx.connection(), stored, tokens.hash(token));
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            changes.put("user", new ValueChange(null, user.login()));
            changes.put("tokenId", new ValueChange(null, stored.id().toString()));
            return tx.audit(admin.login(), null, ip, AuditAction.TOKEN_ISSUED, null, changes);
        });
        return new IssuedToken(stored.id(), token, expiresAt);
    }

    /** Revokes a token by id; false when there is no such token. */
    public boolean revokeToken(Principal admin, UUID tokenId, String ip) {
        return writer.write(tx -> {
            Optional<StoredToken> token = tokenRows.find(tx.connection(), tokenId);
            if (token.isEmpty()) {
                return false;
            }
            tokenRows.revoke(tx.connection(), tokenId, tx.now());
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            changes.put("tokenId", new ValueChange(null, tokenId.toString()));
            changes.put("user", new ValueChange(null, token.get().userLogin()));
            tx.audit(admin.login(), null, ip, AuditAction.TOKEN_REVOKED, null, changes);
            return true;
        });
    }
}
