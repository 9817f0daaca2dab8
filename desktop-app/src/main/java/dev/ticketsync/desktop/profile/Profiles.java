package dev.ticketsync.desktop.profile;

import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.WireName;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The profiles on this machine, one directory each under the base directory: each holds its replica, its token
 * ({@link TokenFile}) and a small {@value #PROFILE_FILE} saying whose it is. The base directory remembers the profile
 * used last ({@value #LAST_FILE}), so the next start opens it straight from its replica.
 */
public final class Profiles {

    public static final String PROFILE_FILE = "profile.properties";
    public static final String LAST_FILE = "last-profile";

    private final Path base;

    public Profiles(Path base) {
        this.base = base;
    }

    public Path base() {
        return base;
    }

    /** The profile for a server and login (its directory need not exist yet). */
    public Profile profile(String serverUrl, String login, String displayName, Role role) {
        return new Profile(serverUrl, login, displayName, role, ProfileDirectory.of(base, serverUrl, login));
    }

    /** Every profile that was signed in to, by label. Directories without a profile file (the demo's) are not. */
    public List<Profile> list() {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<Profile> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(base)) {
            children.filter(Files::isDirectory)
                    .forEach(directory -> read(directory).ifPresent(found::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the profiles in " + base, e);
        }
        found.sort(Comparator.comparing(Profile::label));
        return List.copyOf(found);
    }

    public Optional<Profile> find(String serverUrl, String login) {
        return read(ProfileDirectory.of(base, serverUrl, login));
    }

    /** The profile used last, if it still exists. */
    public Optional<Profile> last() {
        Path file = base.resolve(LAST_FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            // Only a plain directory name of the base is followed: the file is data, not a path to trust.
            if (name.isEmpty() || !ProfileDirectory.isSafeName(name)) {
                return Optional.empty();
            }
            return read(base.resolve(name));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records who the profile is (after a sign-in) and makes it the one the next start opens. */
    public void remember(Profile profile) throws IOException {
        save(profile);
        writeAtomically(
                base.resolve(LAST_FILE), profile.directory().getFileName().toString());
    }

    public void save(Profile profile) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("server", profile.serverUrl());
        properties.setProperty("login", profile.login());
        properties.setProperty("displayName", profile.displayName());
        properties.setProperty("role", profile.role().wire());
        Files.createDirectories(profile.directory());
        StringWriter text = new StringWriter();
        properties.store(text, "TicketSync profile: whose replica this directory holds");
        writeAtomically(profile.directory().resolve(PROFILE_FILE), text.toString());
    }

    public TokenFile tokens(Profile profile) {
        return new TokenFile(profile.directory());
    }

    /** The profile's stored session token; empty when signed out, or when the file cannot be read (sign in again). */
    public Optional<String> storedToken(Profile profile) {
        try {
            return tokens(profile).read();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<Profile> read(Path directory) {
        Path file = directory.resolve(PROFILE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        String server = properties.getProperty("server");
        String login = properties.getProperty("login");
        if (server == null || login == null) {
            return Optional.empty();
        }
        Role role = WireName.parse(Role.class, properties.getProperty("role")).orElse(Role.AGENT);
        String name = properties.getProperty("displayName", login);
        return Optional.of(new Profile(server, login, name, role, directory));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(text);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
