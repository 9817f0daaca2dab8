package dev.ticketsync.desktop.sync;

import dev.ticketsync.desktop.replica.PulledPage;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** The sync protocol over HTTP (OkHttp): login, push, pull, and the event stream. No state beyond the token. */
public final class SyncClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient http;
    private volatile String token;

    public SyncClient(String baseUrl, String token) {
        this(
                baseUrl,
                token,
                new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(60))
                        .build());
    }

    public SyncClient(String baseUrl, String token, OkHttpClient http) {
        this.base = HttpUrl.get(baseUrl);
        this.token = token;
        this.http = http;
    }

    /** A signed-in session: the token (keep it, never the password) and who it is. */
    public record Session(String token, User user) {}

    public Session login(String login, String password) throws IOException {
        Session session = new AccountClient(base.toString(), http, false).login(login, password);
        token = session.token();
        return session;
    }

    public String token() {
        return token;
    }

    public void token(String value) {
        token = value;
    }

    public PushResult push(PushRequest request) throws IOException {
        Request call = authorized(base.resolve("/api/v1/sync/push"))
                .post(RequestBody.create(Json.strict().writeValueAsBytes(request), JSON))
                .build();
        try (Response response = http.newCall(call).execute()) {
            return Json.lenient().readValue(body(response), PushResult.class);
        }
    }

    /** A pull page parsed into trees (for tools and tests that look inside the snapshots). */
    public PullResponse pull(UUID clientId, long cursor, int limit) throws IOException {
        return Json.lenient().readValue(pullBody(clientId, cursor, limit), PullResponse.class);
    }

    /** A pull page with each snapshot kept as the server's JSON text: what the replica stores, with no tree between. */
    public PulledPage pullPage(UUID clientId, long cursor, int limit) throws IOException {
        return PullPageReader.read(pullBody(clientId, cursor, limit));
    }

    private byte[] pullBody(UUID clientId, long cursor, int limit) throws IOException {
        HttpUrl url = base.resolve("/api/v1/sync/pull")
                .newBuilder()
                .addQueryParameter("clientId", clientId.toString())
                .addQueryParameter("cursor", Long.toString(cursor))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        try (Response response = http.newCall(authorized(url).get().build()).execute()) {
            return body(response);
        }
    }

    /** Opens the event stream; {@code onHead} gets every poke's head, {@code onClosed} fires when it drops. */
    public EventSource events(UUID clientId, LongConsumer onHead, Runnable onClosed) {
        HttpUrl url = base.resolve("/api/v1/sync/events")
                .newBuilder()
                .addQueryParameter("clientId", clientId.toString())
                .build();
        Request request = authorized(url).header("Accept", "text/event-stream").build();
        OkHttpClient streaming =
                http.newBuilder().readTimeout(Duration.ofSeconds(45)).build();
        return EventSources.createFactory(streaming).newEventSource(request, new EventSourceListener() {
            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                try {
                    onHead.accept(Json.lenient().readTree(data).path("head").asLong());
                } catch (IOException e) {
                    // A malformed event is ignored; the next poke or heartbeat carries the head again.
                }
            }

            @Override
            public void onClosed(EventSource source) {
                onClosed.run();
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                onClosed.run();
            }
        });
    }

    /**
     * A GET on this server with this session's token (for {@link AdminClient}, which shares the connection pool and
     * the error handling): query parameters with a null value are left out; the whole call, connecting included, gives
     * up after {@code timeout}. A non-2xx answer is a {@link ServerError}.
     */
    byte[] get(String path, Map<String, String> query, Duration timeout) throws IOException {
        HttpUrl.Builder url = base.resolve(path).newBuilder();
        query.forEach((name, value) -> {
            if (value != null) {
                url.addQueryParameter(name, value);
            }
        });
        Call call = http.newCall(authorized(url.build()).get().build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return body(response);
        }
    }

    /** Stops OkHttp's threads and connections at once; its dispatcher would otherwise keep the JVM up for a minute. */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Request.Builder authorized(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static byte[] body(Response response) throws IOException {
        ResponseBody body = response.body();
        byte[] bytes = body.bytes();
        if (!response.isSuccessful()) {
            throw ServerError.of(response.code(), bytes);
        }
        return bytes;
    }
}
