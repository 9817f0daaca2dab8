package dev.ticketsync.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketsync.model.domain.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles on this machine: listed for "Switch profile", and the last one used opened at the next start. */
class ProfilesTest {

    @TempDir
    Path base;

    @Test
    void a_new_machine_has_no_profiles_and_no_last_one() {
        Profiles profiles = new Profiles(base.resolve("not-yet-created"));
        assertThat(profiles.list()).isEmpty();
        assertThat(profiles.last()).isEmpty();
    }

    @Test
    void remembered_profiles_are_listed_by_label_with_who_they_are() throws Exception {
        Profiles profiles = new Profiles(base);
        Profile carol = profiles.profile("https://tickets.example.com", "carol", "Carol Lead", Role.LEAD);
        Profile alice = profiles.profile("http://127.0.0.1:8080", "alice", "Alice Agent", Role.AGENT);
        profiles.remember(carol);
        profiles.remember(alice);
        Files.createDirectories(base.resolve("demo").resolve("alice"));

        assertThat(profiles.list()).containsExactly(alice, carol);
        assertThat(alice.directory()).isEqualTo(base.resolve("alice@127.0.0.1_8080"));
        assertThat(alice.label()).isEqualTo("alice @ 127.0.0.1:8080");
        assertThat(carol.label()).isEqualTo("carol @ tickets.example.com");
        assertThat(profiles.find("https://tickets.example.com", "carol")).hasValueSatisfying(found -> {
            assertThat(found.displayName()).isEqualTo("Carol Lead");
            assertThat(found.role()).isEqualTo(Role.LEAD);
        });
        assertThat(profiles.find("https://tickets.example.com", "dave")).isEmpty();
    }

    @Test
    void the_last_profile_is_the_one_remembered_last() throws Exception {
        Profiles profiles = new Profiles(base);
        Profile alice = profiles.profile("http://127.0.0.1:8080", "alice", "Alice Agent", Role.AGENT);
        Profile bob = profiles.profile("http://127.0.0.1:8080", "bob", "Bob Agent", Role.AGENT);
        profiles.remember(alice);
        assertThat(profiles.last()).hasValue(alice);
        profiles.remember(bob);
        assertThat(profiles.last()).hasValue(bob);
        assertThat(new Profiles(base).last()).as("read back by the next start").hasValue(bob);

        profiles.save(alice);
        assertThat(profiles.last())
                .as("saving a profile does not make it the last one")
                .hasValue(bob);
    }

    @Test
    void a_last_profile_file_that_points_outside_the_base_or_nowhere_is_ignored() throws Exception {
        Profiles profiles = new Profiles(base.resolve("profiles"));
        Files.createDirectories(base.resolve("profiles"));
        Profile elsewhere = new Profiles(base).profile("http://127.0.0.1:8080", "eve", "Eve", Role.ADMIN);
        new Profiles(base).save(elsewhere);

        Files.writeString(
                base.resolve("profiles").resolve(Profiles.LAST_FILE),
                "../" + elsewhere.directory().getFileName());
        assertThat(profiles.last()).isEmpty();
        Files.writeString(base.resolve("profiles").resolve(Profiles.LAST_FILE), "gone@example.com");
        assertThat(profiles.last()).isEmpty();
    }

    @Test
    void a_damaged_profile_file_hides_only_that_profile() throws Exception {
        Profiles profiles = new Profiles(base);
        Profile alice = profiles.profile("http://127.0.0.1:8080", "alice", "Alice Agent", Role.AGENT);
        profiles.remember(alice);
        Path broken = base.resolve("bob@127.0.0.1_8080");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(Profiles.PROFILE_FILE), "login=bob\n");

        assertThat(profiles.list()).containsExactly(alice);
    }

    @Test
    void the_token_of_a_profile_lives_in_its_directory() throws Exception {
        Profiles profiles = new Profiles(base);
        Profile alice = profiles.profile("http://127.0.0.1:8080", "alice", "Alice Agent", Role.AGENT);
        profiles.tokens(alice).write("t0ken");
        assertThat(alice.directory().resolve(TokenFile.NAME)).hasContent("t0ken");
    }

    @Test
    void a_profile_opens_in_one_window_at_a_time() throws Exception {
        Profile alice = new Profiles(base).profile("http://127.0.0.1:8080", "alice", "Alice Agent", Role.AGENT);
        ProfileLock first = ProfileLock.acquire(alice);
        assertThatThrownBy(() -> ProfileLock.acquire(alice))
                .isInstanceOf(IOException.class)
                .hasMessage("alice @ 127.0.0.1:8080 is already open in another TicketSync window");
        first.close();

        ProfileLock again = ProfileLock.acquire(alice);
        assertThat(alice.directory().resolve(ProfileLock.NAME)).exists();
        again.close();
    }
}
