package dev.ticketsync.desktop.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ticketsync.desktop.ProfileSessions;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.ui.Session;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.server.http.HealthRoutes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect dialog's view model, with no JavaFX toolkit, against a real in-process server (and, for the servers it
 * must refuse, small real HTTP servers): every failure a person can meet gets a sentence they can act on, and nothing
 * is stored unless the sign-in succeeded.
 */
class ConnectViewModelTest {

    private static TestBackend backend;

    @TempDir
    Path base;

    private Profiles profiles;
    private final List<Session> connected = new ArrayList<>();
    private final List<HttpServer> fakes = new ArrayList<>();
    private ConnectViewModel model;

    @BeforeAll
    static void startServer() {
        backend = TestBackend.start();
    }

    @AfterAll
    static void stopServer() {
        backend.close();
    }

    @BeforeEach
    void newDialog() {
        profiles = new Profiles(base);
        model = new ConnectViewModel(
                profiles, new ProfileSessions(Clock.systemUTC()), Scheduler.direct(), connected::add);
    }

    @AfterEach
    void closeEverything() {
        connected.forEach(Session::close);
        fakes.forEach(server -> server.stop(0));
    }

    @Test
    void the_right_password_signs_in_stores_the_token_and_opens_the_profile() throws Exception {
        fill(backend.url(), "alice", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(connected).hasSize(1);
        Session session = connected.get(0);
        Profile profile = session.profile();
        assertThat(profile.login()).isEqualTo("alice");
        assertThat(profile.displayName()).isEqualTo("Alice Agent");
        assertThat(profile.role()).isEqualTo(Role.AGENT);
        assertThat(profiles.tokens(profile).read()).isPresent();
        assertThat(profiles.last()).hasValue(profile);
        assertThat(model.passwordProperty().get())
                .as("the password is not kept")
                .isEmpty();
        assertThat(model.busyProperty().get()).isFalse();

        session.engine().syncOnce();
        assertThat(session.replica().users()).extracting("login").contains("alice", "bob", "carol");
    }

    @Test
    void a_wrong_password_says_so_and_stores_nothing() {
        fill(backend.url(), "alice", "not-the-password");
        model.connect();

        assertThat(model.problemProperty().get()).isEqualTo("Wrong login or password.");
        assertNothingStored();
    }

    @Test
    void too_many_wrong_passwords_say_when_to_try_again() {
        String login = "carol";
        for (int i = 0; i < 5; i++) {
            fill(backend.url(), login, "wrong-" + i);
            model.connect();
            assertThat(model.problemProperty().get()).isEqualTo("Wrong login or password.");
        }
        fill(backend.url(), login, TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get())
                .as("the server's Retry-After, in minutes")
                .matches("Too many failed sign-ins\\. Try again in 1[45] minutes\\.");
        assertNothingStored();
    }

    @Test
    void a_closed_port_is_unreachable_and_names_the_host() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        fill("http://127.0.0.1:" + closed, "alice", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get())
                .startsWith("Cannot reach 127.0.0.1:" + closed + ": nothing answers there.");
        assertNothingStored();
    }

    @Test
    void a_name_that_does_not_resolve_names_the_host() {
        fill("https://no-such-server.invalid", "alice", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get()).contains("no-such-server.invalid");
        assertNothingStored();
    }

    @Test
    void a_server_with_an_older_protocol_is_too_old() throws IOException {
        String url = fakeHealth(200, "{\"status\":\"ok\",\"version\":\"0.0.9\",\"protocolVersion\":0}");
        fill(url, "alice", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get())
                .startsWith("The server at 127.0.0.1:")
                .contains("is too old for this app")
                .contains("0.0.9 speaks sync protocol 0, this app needs " + AccountClient.PROTOCOL_VERSION)
                .endsWith("Ask your administrator to update the server.");
        assertNothingStored();
    }

    @Test
    void a_server_with_a_newer_protocol_needs_a_newer_app() throws IOException {
        int newer = AccountClient.PROTOCOL_VERSION + 1;
        String url = fakeHealth(200, "{\"status\":\"ok\",\"version\":\"9.0\",\"protocolVersion\":" + newer + "}");
        fill(url, "alice", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.problemProperty().get())
                .startsWith("This app is too old for the server at 127.0.0.1:")
                .endsWith("Update TicketSync on this computer.");
        assertNothingStored();
    }

    @Test
    void something_else_answering_is_not_a_ticketsync_server() throws IOException {
        fill(fakeHealth(404, "<html>Not here</html>"), "alice", TestBackend.PASSWORD);
        model.connect();
        assertThat(model.problemProperty().get())
                .contains("answers, but it is not a TicketSync server (GET /health answered HTTP 404)");

        fill(fakeHealth(200, "<html>Welcome to nginx</html>"), "alice", TestBackend.PASSWORD);
        model.connect();
        assertThat(model.problemProperty().get()).contains("not a TicketSync server (GET /health did not answer JSON)");
        assertNothingStored();
    }

    @Test
    void the_app_speaks_the_servers_protocol() {
        assertThat(AccountClient.PROTOCOL_VERSION).isEqualTo(HealthRoutes.PROTOCOL_VERSION);
    }

    @Test
    void wrong_fields_are_named_and_nothing_is_sent() {
        fill("ftp://tickets.example.com", "", "");
        model.connect();
        assertThat(model.serverErrorProperty().get()).isEqualTo("Server URL must start with https:// or http://");
        assertThat(model.loginErrorProperty().get()).isEqualTo("Login is required");
        assertThat(model.passwordErrorProperty().get()).isEqualTo("Password is required");
        assertThat(model.busyProperty().get()).isFalse();

        fill("", "alice", "x");
        model.connect();
        assertThat(model.serverErrorProperty().get()).startsWith("Server URL is required");
        fill("https://tickets.example.com/ticketsync", "alice", "x");
        model.connect();
        assertThat(model.serverErrorProperty().get()).contains("without a path (remove /ticketsync)");
        fill("https://alice:secret@tickets.example.com", "alice", "x");
        model.connect();
        assertThat(model.serverErrorProperty().get()).isEqualTo("Server URL must not contain a user name or password");

        model.serverProperty().set("https://tickets.example.com");
        assertThat(model.serverErrorProperty().get())
                .as("typing clears the error")
                .isEmpty();
        assertNothingStored();
    }

    @Test
    void a_login_the_server_rejects_shows_under_the_login_field() {
        fill(backend.url(), "alice smith", TestBackend.PASSWORD);
        model.connect();

        assertThat(model.loginErrorProperty().get()).isEqualTo("Login may contain only letters, digits and . _ @ -");
        assertThat(model.problemProperty().get()).isEmpty();
        assertNothingStored();
    }

    @Test
    void plain_http_to_another_machine_is_warned_about() {
        model.serverProperty().set("http://tickets.example.com");
        assertThat(model.insecureWarningProperty().get())
                .startsWith("Not encrypted: over http:// your password and tickets can be read on any network")
                .contains("between you and tickets.example.com.");
        model.serverProperty().set("http://10.0.0.5:8080");
        assertThat(model.insecureWarningProperty().get()).contains("10.0.0.5:8080");

        for (String safe : List.of(
                "https://tickets.example.com",
                "tickets.example.com",
                "http://127.0.0.1:8080",
                "http://localhost:8080",
                "localhost:8080",
                "http://[::1]:8080",
                "http://")) {
            model.serverProperty().set(safe);
            assertThat(model.insecureWarningProperty().get()).as(safe).isEmpty();
        }
    }

    @Test
    void an_address_without_scheme_gets_https_except_on_this_machine() {
        assertThat(ServerAddress.parse(" Tickets.Example.com/ ").url()).isEqualTo("https://tickets.example.com");
        assertThat(ServerAddress.parse("localhost:8080").url()).isEqualTo("http://localhost:8080");
        assertThat(ServerAddress.parse("127.0.0.1:8080").url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(ServerAddress.parse("HTTPS://tickets.example.com:8443").hostAndPort())
                .isEqualTo("tickets.example.com:8443");
    }

    @Test
    void esc_abandons_an_attempt_the_server_does_not_answer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        fakes.add(silent);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            ConnectViewModel inBackground = new ConnectViewModel(
                    profiles,
                    new ProfileSessions(Clock.systemUTC()),
                    new Scheduler() {
                        @Override
                        public void background(Runnable work) {
                            worker.execute(work);
                        }

                        @Override
                        public void ui(Runnable work) {
                            synchronized (ConnectViewModelTest.this) {
                                work.run();
                            }
                        }
                    },
                    connected::add);
            inBackground.prefill("http://127.0.0.1:" + silent.getAddress().getPort(), "alice");
            inBackground.passwordProperty().set(TestBackend.PASSWORD);
            inBackground.connect();
            assertThat(inBackground.busyProperty().get()).isTrue();
            assertThat(inBackground.progressProperty().get()).startsWith("Checking 127.0.0.1:");

            synchronized (this) {
                assertThat(inBackground.cancel()).isTrue();
            }
            release.countDown();
            worker.shutdown();
            await().atMost(Duration.ofSeconds(20)).until(worker::isTerminated);

            assertThat(inBackground.busyProperty().get()).isFalse();
            assertThat(inBackground.problemProperty().get()).isEqualTo("Cancelled.");
            assertThat(inBackground.cancel())
                    .as("nothing left to cancel: Esc now leaves")
                    .isFalse();
            assertNothingStored();
        } finally {
            release.countDown();
            worker.shutdownNow();
        }
    }

    private void fill(String server, String login, String password) {
        model.serverProperty().set(server);
        model.loginProperty().set(login);
        model.passwordProperty().set(password);
    }

    private void assertNothingStored() {
        assertThat(connected).isEmpty();
        assertThat(profiles.list()).isEmpty();
        assertThat(profiles.last()).isEmpty();
        try (var files = Files.walk(base)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .as("no token, no profile, no replica")
                    .isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A real HTTP server that answers {@code /health} (and everything else) with a fixed status and body. */
    private String fakeHealth(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        fakes.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
