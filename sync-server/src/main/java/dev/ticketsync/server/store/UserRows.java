package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.domain.WireName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff accounts. The password hash never leaves this class except to the password check. */
public final class UserRows {

    /** A user with the stored password hash, for login only. */
    public record Account(User user, String passwordHash) {}

    public Optional<Account> find(Connection c, String login) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, login, display_name, role, active, password_hash FROM users WHERE login = ?")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Account(user(r), r.getString("password_hash"))) : Optional.empty();
            }
        }
    }

    public List<User> all(Connection c) throws SQLException {
        List<User> users = new ArrayList<>();
        try (PreparedStatement s =
                        c.prepareStatement("SELECT id, login, display_name, role, active FROM users ORDER BY login");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                users.add(user(r));
            }
        }
        return users;
    }

    public boolean any(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM users");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    public void insert(Connection c, User user, String passwordHash, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO users (id, login, display_name, role, active, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, user.id());
            s.setString(2, user.login());
            s.setString(3, user.displayName());
            s.setString(4, user.role().wire());
            s.setBoolean(5, user.active());
            s.setString(6, passwordHash);
            Rows.instant(s, 7, now);
            s.executeUpdate();
        }
    }

    public void update(Connection c, User user) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE users SET display_name = ?, role = ?, active = ? WHERE login = ?")) {
            s.setString(1, user.displayName());
            s.setString(2, user.role().wire());
            s.setBoolean(3, user.active());
            s.setString(4, user.login());
            s.executeUpdate();
        }
    }

    public void setPasswordHash(Connection c, String login, String passwordHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ? WHERE login = ?")) {
            s.setString(1, passwordHash);
            s.setString(2, login);
            s.executeUpdate();
        }
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(
                Rows.uuid(r, "id"),
                r.getString("login"),
                r.getString("display_name"),
                WireName.parse(Role.class, r.getString("role")).orElseThrow(),
                r.getBoolean("active"));
    }
}
