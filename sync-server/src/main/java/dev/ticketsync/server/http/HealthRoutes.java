package dev.ticketsync.server.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The public endpoints: health (with the protocol version clients check) and the OpenAPI document. */
public final class HealthRoutes {

    /** Bumped when the sync protocol changes incompatibly; the desktop refuses a server that is too old. */
    public static final int PROTOCOL_VERSION = 1;

    private final String version;
    private final byte[] openApi;

    public HealthRoutes(String version) {
        this.version = version;
        try (InputStream in = HealthRoutes.class.getResourceAsStream("/openapi.json")) {
            this.openApi = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(
                "/health",
                ctx -> {
                    Map<String, Object> health = new LinkedHashMap<>();
                    health.put("status", "ok");
                    health.put("version", version);
                    health.put("protocolVersion", PROTOCOL_VERSION);
                    JsonBodies.ok(ctx, health);
                },
                Access.PUBLIC);
        routes.get("/openapi.json", ctx -> ctx.contentType(JsonBodies.JSON).result(openApi), Access.PUBLIC);
    }
}
