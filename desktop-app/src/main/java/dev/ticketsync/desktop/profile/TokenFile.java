package dev.ticketsync.desktop.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The session token of a profile, in a file only its owner may read. The password is never stored: when the token
 * expires the app asks for it again.
 */
public final class TokenFile {

    public static final String NAME = "session.token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public TokenFile(Path profileDirectory) {
        this.file = profileDirectory.resolve(NAME);
    }

    public Optional<String> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    public void write(String token) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
        }
        Files.writeString(file, token, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    public Path path() {
        return file;
    }
}
