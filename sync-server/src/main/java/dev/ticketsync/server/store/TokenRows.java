package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Session and API tokens, stored only as SHA-256 hashes. */
public final class TokenRows {

    /** A stored token: who it is for, what kind, and when it stops working. */
    public record StoredToken(
            UUID id,
            String userLogin,
            String kind,
            String name,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt) {

        public boolean validAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    public void insert(Connection c, StoredToken token, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO tokens (id, token_hash, user_login, kind, name, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, token.id());
            s.setString(2, hash);
            s.setString(3, token.userLogin());
            s.setString(4, token.kind());
            s.setString(5, token.name());
            Rows.instant(s, 6, token.createdAt());
            Rows.instant(s, 7, token.expiresAt());
            s.executeUpdate();
        }
    }

    public Optional<StoredToken> findByHash(Connection c, String hash) throws SQLException {
        return query(c, "SELECT * FROM tokens WHERE token_hash = ?", hash).stream()
                .findFirst();
    }

    public Optional<StoredToken> find(Connection c, UUID id) throws SQLException {
        return query(c, "SELECT * FROM tokens WHERE id = ?", id).stream().findFirst();
    }

    public List<StoredToken> ofUser(Connection c, String login) throws SQLException {
        return query(c, "SELECT * FROM tokens WHERE user_login = ? ORDER BY created_at", login);
    }

    public void revoke(Connection c, UUID id, Instant at) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            Rows.instant(s, 1, at);
            s.setObject(2, id);
            s.executeUpdate();
        }
    }

    public void revokeAllOf(Connection c, String login, Instant at) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE user_login = ? AND revoked_at IS NULL")) {
            Rows.instant(s, 1, at);
            s.setString(2, login);
            s.executeUpdate();
        }
    }

    private static List<StoredToken> query(Connection c, String sql, Object param) throws SQLException {
        List<StoredToken> tokens = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tokens.add(new StoredToken(
                            Rows.uuid(r, "id"),
                            r.getString("user_login"),
                            r.getString("kind"),
                            r.getString("name"),
                            Rows.instant(r, "created_at"),
                            Rows.instant(r, "expires_at"),
                            Rows.instant(r, "revoked_at")));
                }
            }
        }
        return tokens;
    }
}
