package dev.ticketsync.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The account side of the protocol: what the server is ({@code /health}), sign in, sign out, change password. Failures
 * come typed, so the UI can say what a person can do about them: {@link ServerUnreachable} (nothing answered),
 * {@link NotTicketSyncServer} (something else answered), {@link ServerError} (the server refused, with its reason,
 * field and {@code Retry-After}).
 */
public final class AccountClient implements AutoCloseable {

    /**
     * The sync protocol this app speaks; a server reports its own on {@code /health} and the two must match (the
     * server's {@code HealthRoutes.PROTOCOL_VERSION}, checked by a test).
     */
    public static final int PROTOCOL_VERSION = 1;

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String host;
    private final OkHttpClient http;
    private final boolean ownsHttp;

    /** A client of its own with short timeouts: a person is waiting for the answer. */
    public AccountClient(ServerAddress server) {
        this(
                server.url(),
                new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(15))
                        .callTimeout(Duration.ofSeconds(20))
                        .build(),
                true);
    }

    /** Shares a {@link SyncClient}'s connections; {@link #close()} leaves them open. */
    AccountClient(String baseUrl, OkHttpClient http, boolean ownsHttp) {
        this.base = HttpUrl.get(baseUrl);
        this.host = base.port() == HttpUrl.defaultPort(base.scheme()) ? base.host() : base.host() + ":" + base.port();
        this.http = http;
        this.ownsHttp = ownsHttp;
    }

    /** {@code GET /health}: proves a TicketSync server answers, and which protocol it speaks. */
    public ServerInfo health() throws IOException {
        try (Response response = call(new Request.Builder()
                .url(base.resolve("/health"))
                .header("Accept", "application/json")
                .build())) {
            if (response.code() == 502 || response.code() == 503 || response.code() == 504) {
                throw new ServerUnreachable(
                        host, ServerUnreachable.Reason.UNAVAILABLE, "HTTP " + response.code(), null);
            }
            if (!response.isSuccessful()) {
                throw new NotTicketSyncServer(host, "GET /health answered HTTP " + response.code());
            }
            JsonNode health;
            try {
                health = Json.lenient().readTree(response.body().bytes());
            } catch (IOException notJson) {
                throw new NotTicketSyncServer(host, "GET /health did not answer JSON");
            }
            if (health == null || !health.path("protocolVersion").canConvertToInt()) {
                throw new NotTicketSyncServer(host, "GET /health has no protocolVersion");
            }
            return new ServerInfo(
                    health.path("version").asText("unknown"),
                    health.get("protocolVersion").asInt());
        }
    }

    /** Signs in with a password; the answer's token is the session (store it, never the password). */
    public SyncClient.Session login(String login, String password) throws IOException {
        String body = Json.strict().writeValueAsString(Map.of("login", login, "password", password));
        try (Response response = call(new Request.Builder()
                .url(base.resolve("/api/v1/auth/login"))
                .post(RequestBody.create(body, JSON))
                .build())) {
            JsonNode answer = Json.lenient().readTree(successBody(response));
            return new SyncClient.Session(
                    answer.get("token").asText(), Json.lenient().treeToValue(answer.get("user"), User.class));
        }
    }

    /** Revokes the session token on the server. */
    public void logout(String token) throws IOException {
        try (Response response = call(new Request.Builder()
                .url(base.resolve("/api/v1/auth/logout"))
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(new byte[0], JSON))
                .build())) {
            successBody(response);
        }
    }

    /** Changes the signed-in user's password; the server checks the current one and the new one's strength. */
    public void changePassword(String token, String currentPassword, String newPassword) throws IOException {
        String body = Json.strict()
                .writeValueAsString(Map.of("currentPassword", currentPassword, "newPassword", newPassword));
        try (Response response = call(new Request.Builder()
                .url(base.resolve("/api/v1/auth/password"))
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, JSON))
                .build())) {
            successBody(response);
        }
    }

    /** Cancels a call in flight (a person pressed Esc) and releases the connections. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private Response call(Request request) throws IOException {
        try {
            return http.newCall(request).execute();
        } catch (UnknownHostException e) {
            throw new ServerUnreachable(host, ServerUnreachable.Reason.UNKNOWN_HOST, e.getMessage(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new ServerUnreachable(host, ServerUnreachable.Reason.REFUSED, e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw new ServerUnreachable(host, ServerUnreachable.Reason.TIMEOUT, e.getMessage(), e);
        } catch (SSLException e) {
            throw new ServerUnreachable(host, ServerUnreachable.Reason.TLS, e.getMessage(), e);
        } catch (IOException e) {
            // OkHttp reports a call timeout as a plain InterruptedIOException("timeout").
            ServerUnreachable.Reason reason = "timeout".equals(e.getMessage())
                    ? ServerUnreachable.Reason.TIMEOUT
                    : ServerUnreachable.Reason.OTHER;
            throw new ServerUnreachable(host, reason, e.getMessage(), e);
        }
    }

    private static byte[] successBody(Response response) throws IOException {
        byte[] bytes = response.body().bytes();
        if (!response.isSuccessful()) {
            throw ServerError.of(response.code(), bytes, response.header("Retry-After"));
        }
        return bytes;
    }
}
