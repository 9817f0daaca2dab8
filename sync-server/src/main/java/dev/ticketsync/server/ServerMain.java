package dev.ticketsync.server;

import dev.ticketsync.server.config.ConfigException;
import dev.ticketsync.server.config.ConfigLoader;
import dev.ticketsync.server.config.ServerConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar ticketsync-server.jar [options]}: parses the settings and runs {@link ServerApp}. */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {}

    public static void main(String[] args) {
        if (ConfigLoader.helpRequested(args)) {
            System.out.println(ConfigLoader.helpText());
            return;
        }
        ServerConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("ticketsync-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServerApp app = ServerApp.create(config, Clock.systemUTC());
        if (config.backupFile() != null) {
            app.backupTo(config.backupFile());
            System.out.println("backup written to " + config.backupFile().toAbsolutePath());
            app.close();
            return;
        }
        app.prepare(config);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("shutting down");
                            app.close();
                        },
                        "shutdown"));
        app.start();
        // Printed only once the port accepts connections: scripts and the desktop's demo mode wait for this line.
        System.out.println("listening on " + app.baseUrl());
        System.out.flush();
    }
}
