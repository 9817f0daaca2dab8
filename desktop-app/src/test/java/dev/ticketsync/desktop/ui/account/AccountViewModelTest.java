package dev.ticketsync.desktop.ui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.desktop.ProfileSessions;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.connect.ConnectViewModel;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.TicketType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user menu's view models, with no JavaFX toolkit, against a real in-process server: change password (errors from
 * the server under their fields), log out (token revoked and deleted, unsynced changes kept and warned about), switch
 * profile.
 */
class AccountViewModelTest {

    @TempDir
    Path base;

    private TestBackend backend;
    private Profiles profiles;
    private final List<Session> sessions = new ArrayList<>();
    private final List<String> window = new ArrayList<>();

    @BeforeEach
    void start() {
        backend = TestBackend.start();
        profiles = new Profiles(base);
    }

    @AfterEach
    void stop() {
        sessions.forEach(Session::close);
        backend.close();
    }

    @Test
    void the_password_changes_on_the_server_and_the_new_one_signs_in() throws Exception {
        UserMenuViewModel menu = menu(signIn("bob", TestBackend.PASSWORD));
        ChangePasswordViewModel change = menu.changePassword();
        change.currentProperty().set(TestBackend.PASSWORD);
        change.nextProperty().set("a-much-better-one-42");
        change.repeatProperty().set("a-much-better-one-42");
        change.submit();

        assertThat(change.changedProperty().get()).isTrue();
        assertThat(change.problemProperty().get()).isEmpty();
        assertThat(change.currentProperty().get())
                .as("the form forgets the passwords")
                .isEmpty();
        try (SyncClient client = new SyncClient(backend.url(), null)) {
            assertThat(client.login("bob", "a-much-better-one-42").user().login())
                    .isEqualTo("bob");
            assertThatThrownBy(() -> client.login("bob", TestBackend.PASSWORD))
                    .isInstanceOfSatisfying(
                            ServerError.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void the_servers_refusals_show_under_their_fields() throws Exception {
        ChangePasswordViewModel change =
                menu(signIn("alice", TestBackend.PASSWORD)).changePassword();

        change.currentProperty().set("not-my-password");
        change.nextProperty().set("a-much-better-one-42");
        change.repeatProperty().set("a-much-better-one-42");
        change.submit();
        assertThat(change.currentErrorProperty().get()).isEqualTo("The current password is wrong");

        change.currentProperty().set(TestBackend.PASSWORD);
        change.nextProperty().set("short");
        change.repeatProperty().set("short");
        change.submit();
        assertThat(change.nextErrorProperty().get()).isEqualTo("New password must be at least 8 characters");
        assertThat(change.changedProperty().get()).isFalse();

        change.nextProperty().set("a-much-better-one-42");
        change.repeatProperty().set("a-much-better-one-43");
        change.submit();
        assertThat(change.repeatErrorProperty().get()).isEqualTo("The new passwords do not match");
        assertThat(change.nextErrorProperty().get())
                .as("typing cleared the old error")
                .isEmpty();

        try (SyncClient client = new SyncClient(backend.url(), null)) {
            assertThat(client.login("alice", TestBackend.PASSWORD).user().login())
                    .as("nothing changed")
                    .isEqualTo("alice");
        }
    }

    @Test
    void changing_the_password_offline_says_it_needs_the_server() throws Exception {
        ChangePasswordViewModel change =
                menu(signIn("alice", TestBackend.PASSWORD)).changePassword();
        backend.stopServer();
        change.currentProperty().set(TestBackend.PASSWORD);
        change.nextProperty().set("a-much-better-one-42");
        change.repeatProperty().set("a-much-better-one-42");
        change.submit();

        assertThat(change.problemProperty().get())
                .startsWith("Changing the password needs the server. Cannot reach 127.0.0.1:" + backend.port());
        assertThat(change.changedProperty().get()).isFalse();
        backend.restartServer();
    }

    @Test
    void logging_out_revokes_the_token_deletes_it_and_returns_to_the_connect_dialog() throws Exception {
        Session session = signIn("alice", TestBackend.PASSWORD);
        String token = profiles.tokens(session.profile()).read().orElseThrow();
        UserMenuViewModel menu = menu(session);
        assertThat(menu.logoutWarning()).as("nothing unsynced: no warning").isEmpty();

        menu.logout();

        assertThat(window).containsExactly("signedOut " + session.profile().label() + " note=");
        assertThat(profiles.tokens(session.profile()).path()).doesNotExist();
        try (SyncClient revoked = new SyncClient(backend.url(), token)) {
            assertThatThrownBy(() -> revoked.pull(UUID.randomUUID(), 0, 10))
                    .isInstanceOfSatisfying(
                            ServerError.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }

    @Test
    void logging_out_with_unsynced_changes_warns_and_keeps_them_in_the_replica() throws Exception {
        Session session = signIn("alice", TestBackend.PASSWORD);
        backend.stopServer();
        session.replica()
                .execute(new CreateTicket(
                        Ids.newId(),
                        "Written offline",
                        null,
                        Priority.P2,
                        TicketType.TASK,
                        null,
                        null,
                        null,
                        null,
                        null));
        UserMenuViewModel menu = menu(session);

        assertThat(menu.logoutWarning())
                .hasValue("1 change is not synced yet. They stay on this computer and sync after you sign in again"
                        + " as alice.");
        menu.logout();

        assertThat(window).hasSize(1);
        assertThat(window.get(0))
                .startsWith("signedOut alice @ 127.0.0.1:" + backend.port() + " note=Signed out on this computer.")
                .contains("Cannot reach 127.0.0.1:" + backend.port())
                .endsWith("The session on the server ends when it expires.");
        assertThat(profiles.tokens(session.profile()).path()).doesNotExist();
        session.close();
        sessions.remove(session);

        backend.restartServer();
        Session again = signIn("alice", TestBackend.PASSWORD);
        assertThat(again.replica().pending()).as("kept in the replica").hasSize(1);
        again.engine().syncOnce();
        assertThat(again.replica().pending())
                .as("synced after signing in again")
                .isEmpty();
        assertThat(again.replica().tickets())
                .singleElement()
                .satisfies(ticket -> assertThat(ticket.key()).startsWith("OPS-"));
    }

    @Test
    void a_session_the_server_no_longer_accepts_offers_to_sign_in_again() throws Exception {
        Session session = signIn("alice", TestBackend.PASSWORD);
        UserMenuViewModel menu = menu(session);
        assertThat(menu.needsSignIn()).isFalse();
        try (AccountClient elsewhere = new AccountClient(ServerAddress.parse(backend.url()))) {
            elsewhere.logout(profiles.storedToken(session.profile()).orElseThrow());
        }
        session.engine().start();
        await().atMost(Duration.ofSeconds(30)).until(menu::needsSignIn);

        menu.signInAgain();
        assertThat(window).containsExactly("connect " + backend.url() + " alice");
    }

    @Test
    void switching_lists_the_other_profiles_and_opens_or_signs_in() throws Exception {
        Session alice = signIn("alice", TestBackend.PASSWORD);
        Session bob = signIn("bob", TestBackend.PASSWORD);
        bob.close();
        sessions.remove(bob);
        profiles.save(profiles.profile("https://tickets.example.com", "carol", "Carol Lead", Role.LEAD));
        UserMenuViewModel menu = menu(alice);

        assertThat(menu.otherProfiles()).extracting(Profile::login).containsExactly("bob", "carol");
        assertThat(menu.initial()).isEqualTo("A");
        Profile bobProfile = menu.otherProfiles().get(0);
        Profile carolProfile = menu.otherProfiles().get(1);
        assertThat(menu.isSignedIn(bobProfile)).isTrue();
        assertThat(menu.isSignedIn(carolProfile)).isFalse();

        menu.switchTo(bobProfile);
        menu.switchTo(carolProfile);
        menu.connectAnother();
        assertThat(window)
                .containsExactly(
                        "open " + bobProfile.label(), "connect https://tickets.example.com carol", "connect null null");
    }

    private Session signIn(String login, String password) {
        List<Session> opened = new ArrayList<>();
        ConnectViewModel connect =
                new ConnectViewModel(profiles, new ProfileSessions(Clock.systemUTC()), Scheduler.direct(), opened::add);
        connect.prefill(backend.url(), login);
        connect.passwordProperty().set(password);
        connect.connect();
        assertThat(connect.problemProperty().get()).isEmpty();
        sessions.addAll(opened);
        return opened.get(0);
    }

    private UserMenuViewModel menu(Session session) {
        return new UserMenuViewModel(session, profiles, Scheduler.direct(), new SessionSwitch() {
            @Override
            public void signedOut(Profile profile, String note) {
                window.add("signedOut " + profile.label() + " note=" + note);
            }

            @Override
            public void open(Profile profile) {
                window.add("open " + profile.label());
            }

            @Override
            public void connect(String serverUrl, String login) {
                window.add("connect " + serverUrl + " " + login);
            }
        });
    }
}
