package dev.ticketsync.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where profiles live on each platform, and that the session token is readable by its owner only. */
class ProfileFilesTest {

    @Test
    void profiles_live_in_the_platforms_per_user_data_directory() {
        assertThat(ProfileDirectory.base(Map.of(), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.local/share/ticketsync"));
        assertThat(ProfileDirectory.base(Map.of("XDG_DATA_HOME", "/data/ann"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/data/ann/ticketsync"));
        assertThat(ProfileDirectory.base(Map.of(), "Mac OS X", "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/TicketSync"));
        assertThat(ProfileDirectory.base(
                        Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), "Windows 11", "C:/Users/ann"))
                .isEqualTo(Path.of("C:/Users/ann/AppData/Roaming", "TicketSync"));
    }

    @Test
    void a_profile_is_named_after_user_server_and_port_safely() {
        assertThat(ProfileDirectory.profileName("https://tickets.example.com:8443", "alice"))
                .isEqualTo("alice@tickets.example.com_8443");
        assertThat(ProfileDirectory.profileName("http://127.0.0.1:8080/", "bob.smith"))
                .isEqualTo("bob.smith@127.0.0.1_8080");
        assertThat(ProfileDirectory.profileName("http://[::1]:8080", "a/b"))
                .doesNotContain("/")
                .doesNotContain(":");
    }

    @Test
    void the_token_file_is_readable_by_its_owner_only(@TempDir Path dir) throws Exception {
        TokenFile tokens = new TokenFile(dir.resolve("profile"));
        assertThat(tokens.read()).isEmpty();
        tokens.write("secret-token");
        assertThat(tokens.read()).hasValue("secret-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.path())))
                .isEqualTo("rw-------");
        tokens.write("newer");
        assertThat(tokens.read()).hasValue("newer");
        tokens.delete();
        assertThat(tokens.read()).isEmpty();
    }
}
