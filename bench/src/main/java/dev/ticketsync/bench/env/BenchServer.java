package dev.ticketsync.bench.env;

import dev.ticketsync.model.domain.Role;
import dev.ticketsync.server.ServerApp;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The real sync server, in this JVM on a free loopback port, on an H2 file in the run's directory, with the bench's
 * agents. The same {@link ServerApp#create} the server's own main uses.
 */
public final class BenchServer implements AutoCloseable {

    public static final String PASSWORD = "bench-password-1";
    /** Agents who report, work and watch tickets; each loads and works from its own device. */
    public static final List<String> AGENTS = List.of("alice", "bob", "carol", "dave", "erin");

    private final ServerApp app;

    private BenchServer(ServerApp app) {
        this.app = app;
    }

    public static BenchServer start(Path directory) {
        ServerConfig config = ServerConfig.builder()
                .port(0)
                .bind("127.0.0.1")
                .dataDir(directory)
                .adminPassword(PASSWORD)
                .build();
        ServerApp app = ServerApp.create(config, Clock.systemUTC());
        try {
            app.prepare(config);
            for (String login : AGENTS) {
                String name = Character.toUpperCase(login.charAt(0)) + login.substring(1) + " Agent";
                app.users().create("admin", login, name, Role.AGENT, PASSWORD, Origin.server());
            }
            app.start();
            return new BenchServer(app);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    public String url() {
        return app.baseUrl();
    }

    public ServerApp app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
