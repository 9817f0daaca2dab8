package dev.ticketsync.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Session and API tokens: 256 random bits, shown to the client once, stored only as their SHA-256. A fast hash is
 * enough because the token has full entropy (nothing to guess from a dictionary), and it keeps each request's lookup
 * cheap (DESIGN.md §7). Thread-safe.
 */
public final class TokenCodec {

    public static final int TOKEN_BYTES = 32;
    /** 32 bytes in base64url without padding. */
    public static final int TOKEN_CHARS = 43;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_CHARS + "}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random;

    public TokenCodec() {
        this(new SecureRandom());
    }

    public TokenCodec(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new token: 256 random bits as 43 characters of base64url, safe in a header, a URL and a shell. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The form stored in the database: SHA-256 of the token's characters, 64 lower-case hex digits. */
    public String hash(String token) {
        Objects.requireNonNull(token, "token");
        return HEX.formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code token} could have come from {@link #newToken}; lets a caller skip the lookup for garbage. */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
