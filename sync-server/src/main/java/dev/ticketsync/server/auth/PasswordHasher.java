package dev.ticketsync.server.auth;

import dev.ticketsync.model.validation.ValidationException;
import java.nio.CharBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashes with bcrypt (Bouncy Castle). Thread-safe. The strength rules live apart in {@link #checkStrength},
 * because the demo users' password "demo" is hashed without passing them.
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 10;
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;
    public static final int MIN_CHARS = 8;
    /** bcrypt reads only this many bytes; Bouncy Castle would silently ignore the rest. */
    public static final int MAX_UTF8_BYTES = 72;

    private static final String VERSION = "2b";
    private static final int SALT_BYTES = 16;
    // Checked before Bouncy Castle sees a stored hash, so a damaged row reads as "no match" instead of throwing.
    private static final Pattern BCRYPT_HASH =
            Pattern.compile("\\$2[abxy]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final int cost;
    private final SecureRandom random;
    private final String dummyHash;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** {@code cost} is bcrypt's log2 work factor, 4–31; tests use 4 to stay fast. */
    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + "–" + MAX_COST + ", got " + cost);
        }
        this.cost = cost;
        this.random = new SecureRandom();
        this.dummyHash = hash("no user has this password".toCharArray());
    }

    public int cost() {
        return cost;
    }

    /**
     * A new salted hash of {@code password}, in the modular crypt format ({@code $2b$10$…}, 60 characters). Throws
     * IllegalArgumentException for a password bcrypt cannot hash faithfully: over 72 bytes or not valid UTF-16.
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        int length = utf8Length(CharBuffer.wrap(password));
        if (length < 0) {
            throw new IllegalArgumentException("password is not valid UTF-16 text");
        }
        if (length > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("password is longer than " + MAX_UTF8_BYTES + " bytes");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(VERSION, password, salt, cost);
    }

    /** Whether {@code password} is the one {@code storedHash} was made from; false, never an exception, otherwise. */
    public boolean matches(char[] password, String storedHash) {
        if (password == null
                || storedHash == null
                || !BCRYPT_HASH.matcher(storedHash).matches()) {
            return false;
        }
        int length = utf8Length(CharBuffer.wrap(password));
        // Over 72 bytes bcrypt would compare only a prefix, so a longer guess could match a shorter password.
        if (length < 0 || length > MAX_UTF8_BYTES) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, password);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Spends the time of one {@link #matches} and always answers false. For a login that does not exist, so the
     * answer time does not tell which logins do: {@code user == null ? matchesUnknownUser(pw) : matches(pw, hash)}.
     */
    public boolean matchesUnknownUser(char[] password) {
        matches(password == null ? new char[0] : password, dummyHash);
        return false;
    }

    /** The rules for a password a person chooses: 8 characters or more, at most 72 bytes of UTF-8. */
    public static void checkStrength(String field, String password) {
        if (password == null) {
            throw new ValidationException(field, "is required");
        }
        int bytes = utf8Length(password);
        if (bytes < 0) {
            throw new ValidationException(field, "must be valid Unicode text");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARS) {
            throw new ValidationException(field, "must be at least " + MIN_CHARS + " characters");
        }
        if (bytes > MAX_UTF8_BYTES) {
            throw new ValidationException(
                    field, "must be at most " + MAX_UTF8_BYTES + " bytes of UTF-8 (bcrypt's limit), got " + bytes);
        }
    }

    /** Bytes of UTF-8 the text encodes to, or -1 when it holds a lone surrogate; counted without copying it. */
    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return -1;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
