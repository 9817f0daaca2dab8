package dev.ticketsync.server;

import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.server.auth.PasswordHasher;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.command.WriteTx;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.TokenRows;
import dev.ticketsync.server.store.UserRows;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating and changing staff accounts, through the one writer: the user row, its change-log entry (replicas show names
 * offline) and an audit entry in one transaction.
 */
public final class UserAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(UserAdmin.class);

    private final Database database;
    private final Writer writer;
    private final PasswordHasher hasher;
    private final UserRows users = new UserRows();
    private final TokenRows tokens = new TokenRows();

    public UserAdmin(Database database, Writer writer, PasswordHasher hasher) {
        this.database = database;
        this.writer = writer;
        this.hasher = hasher;
    }

    /**
     * On an empty database, creates {@code admin} with the given password, or a random one printed once to the log.
     */
    public void ensureAdmin(String password) {
        if (database.read(users::any)) {
            return;
        }
        String chosen = password;
        if (chosen == null || chosen.isEmpty()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            chosen = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warn("Created user 'admin' with password {} — change it after the first login", chosen);
        }
        create(null, "admin", "Administrator", Role.ADMIN, chosen, Origin.server());
    }

    /** Creates a user; the caller has checked the password's strength where the password came from a person. */
    public User create(String actor, String login, String displayName, Role role, String password, Origin origin) {
        String hash = hasher.hash(password.toCharArray());
        return writer.write(tx -> {
            User user = new User(UUID.randomUUID(), login, displayName, role, true);
            users.insert(tx.connection(), user, hash, tx.now());
            publish(tx, user);
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            changes.put("login", new ValueChange(null, login));
            changes.put("role", new ValueChange(null, role.wire()));
            tx.audit(actor, origin.clientId(), origin.ip(), AuditAction.USER_CREATED, null, changes);
            return user;
        });
    }

    /**
     * Changes a user's name, role, active flag or password. A new password or a deactivation signs the user out
     * everywhere (their tokens are revoked).
     */
    public User update(String actor, User changed, String newPassword, Origin origin) {
        String hash = newPassword == null ? null : hasher.hash(newPassword.toCharArray());
        return writer.write(tx -> {
            User before = users.find(tx.connection(), changed.login())
                    .map(UserRows.Account::user)
                    .orElseThrow();
            users.update(tx.connection(), changed);
            if (hash != null) {
                users.setPasswordHash(tx.connection(), changed.login(), hash);
            }
            if (hash != null || (before.active() && !changed.active())) {
                tokens.revokeAllOf(tx.connection(), changed.login(), tx.now());
            }
            publish(tx, changed);
            TreeMap<String, ValueChange> changes = new TreeMap<>();
            if (!before.displayName().equals(changed.displayName())) {
                changes.put("displayName", new ValueChange(before.displayName(), changed.displayName()));
            }
            if (before.role() != changed.role()) {
                changes.put(
                        "role",
                        new ValueChange(before.role().wire(), changed.role().wire()));
            }
            if (before.active() != changed.active()) {
                changes.put("active", new ValueChange(before.active(), changed.active()));
            }
            if (hash != null) {
                changes.put("password", new ValueChange(null, "reset"));
            }
            tx.audit(actor, origin.clientId(), origin.ip(), AuditAction.USER_UPDATED, null, changes);
            return changed;
        });
    }

    public java.util.List<User> all() {
        return database.read(users::all);
    }

    public Optional<User> find(String login) {
        return database.read(c -> users.find(c, login)).map(UserRows.Account::user);
    }

    private static void publish(WriteTx tx, User user) throws SQLException {
        tx.logChange(EntityType.USER, user.login(), user, false);
    }
}
