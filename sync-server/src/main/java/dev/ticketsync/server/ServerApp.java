package dev.ticketsync.server;

import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.workflow.Workflow;
import dev.ticketsync.server.audit.AuditChain;
import dev.ticketsync.server.audit.AuditKeyFile;
import dev.ticketsync.server.audit.AuditVerifier;
import dev.ticketsync.server.auth.AuthService;
import dev.ticketsync.server.auth.LoginThrottle;
import dev.ticketsync.server.auth.PasswordHasher;
import dev.ticketsync.server.auth.TokenCodec;
import dev.ticketsync.server.command.CommandPipeline;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.config.ServerConfig;
import dev.ticketsync.server.demo.DemoSeeder;
import dev.ticketsync.server.http.AdminRoutes;
import dev.ticketsync.server.http.AuditRoutes;
import dev.ticketsync.server.http.AuthRoutes;
import dev.ticketsync.server.http.ConsoleRoutes;
import dev.ticketsync.server.http.HealthRoutes;
import dev.ticketsync.server.http.HttpErrors;
import dev.ticketsync.server.http.InFlightRequests;
import dev.ticketsync.server.http.JettyJsonErrors;
import dev.ticketsync.server.http.Routes;
import dev.ticketsync.server.http.SyncRoutes;
import dev.ticketsync.server.http.TicketRoutes;
import dev.ticketsync.server.store.ChangeLogReader;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.Dialect;
import dev.ticketsync.server.store.HeadListener;
import dev.ticketsync.server.sync.DeviceSightings;
import dev.ticketsync.server.sync.EventHub;
import dev.ticketsync.server.sync.PullService;
import dev.ticketsync.server.sync.PushService;
import dev.ticketsync.server.sync.SyncStats;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Builds the whole server in one place from its configuration: database, the one writer, services, routes. Tests call
 * the same {@link #create} on port 0; {@link ServerMain} only parses arguments.
 */
public final class ServerApp implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerApp.class);

    private final ServerConfig config;
    private final Database database;
    private final Writer writer;
    private final EventHub events;
    private final Javalin javalin;
    private final UserAdmin users;
    private final CommandPipeline pipeline;
    private final Clock clock;
    private final HeadListener headListener;
    private final InFlightRequests inFlight;
    private final DeviceSightings sightings;

    private ServerApp(
            ServerConfig config,
            Database database,
            Writer writer,
            EventHub events,
            Javalin javalin,
            UserAdmin users,
            CommandPipeline pipeline,
            Clock clock,
            HeadListener headListener,
            InFlightRequests inFlight,
            DeviceSightings sightings) {
        this.headListener = headListener;
        this.sightings = sightings;
        this.inFlight = inFlight;
        this.config = config;
        this.pipeline = pipeline;
        this.clock = clock;
        this.database = database;
        this.writer = writer;
        this.events = events;
        this.javalin = javalin;
        this.users = users;
    }

    public static ServerApp create(ServerConfig config, Clock clock) {
        Database database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        try {
            AuditChain chain = new AuditChain(AuditKeyFile.loadOrCreate(config.dataDir()));
            Writer writer = new Writer(database, chain, clock);
            Workflow workflow = Workflow.standard();
            CommandPipeline pipeline = new CommandPipeline(workflow, database.dialect());
            ChangeLogReader changeLog = new ChangeLogReader();
            EventHub events = new EventHub(() -> database.read(changeLog::head));
            writer.onCommit(events::committed);
            HeadListener headListener = database.dialect() == Dialect.POSTGRES
                    ? new HeadListener(database, events::committed).start()
                    : null;
            PasswordHasher hasher = new PasswordHasher();
            SyncStats stats = new SyncStats();
            DeviceSightings sightings = new DeviceSightings(writer);
            AuthService auth = new AuthService(
                    database, writer, hasher, new TokenCodec(), new LoginThrottle(clock), clock, config.sessionTtl());
            UserAdmin users = new UserAdmin(database, writer, hasher);
            InFlightRequests inFlight = new InFlightRequests();
            Routes routes = new Routes(
                    auth,
                    new HealthRoutes(
                            ServerApp.class.getPackage().getImplementationVersion() == null
                                    ? "dev"
                                    : ServerApp.class.getPackage().getImplementationVersion()),
                    new AuthRoutes(auth),
                    new TicketRoutes(database, writer, pipeline, workflow),
                    new SyncRoutes(
                            new PushService(database, writer, pipeline, stats),
                            new PullService(database, writer, clock, stats, sightings),
                            events),
                    new AdminRoutes(users, auth, clock),
                    new ConsoleRoutes(
                            database,
                            writer,
                            events,
                            stats,
                            sightings,
                            config.dataDir().resolve("backups")),
                    new AuditRoutes(database, pipeline.tickets(), new AuditVerifier(database, chain)));
            Javalin javalin = Javalin.create(javalinConfig -> {
                javalinConfig.startup.showJavalinBanner = false;
                javalinConfig.startup.showOldJavalinVersionWarning = false;
                javalinConfig.jsonMapper(new JavalinJackson(Json.strict(), false));
                javalinConfig.http.maxRequestSize = HttpErrors.MAX_BODY_BYTES;
                javalinConfig.http.prefer405over404 = true;
                // Light gzip (level 1) for pull pages: most of the saving for a fraction of the CPU (DESIGN.md §5).
                javalinConfig.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
                javalinConfig.jetty.modifyServer(server -> {
                    server.setErrorHandler(new JettyJsonErrors());
                    // Jetty's graceful stop: a request's response is written to its end before the connectors close.
                    // The stop timeout alone waits for nothing; GracefulHandler (Javalin puts its servlet inside
                    // this wrapper) counts a request until its response completes. InFlightRequests lets go when the
                    // handler returns, before a large answer (a 1,000-mutation push) is on the wire, and a stop then
                    // cut it mid-body (GracefulShutdownTest, once on PostgreSQL).
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(10_000);
                });
                javalinConfig.jetty.host = config.bind();
                javalinConfig.jetty.port = config.port();
                if (config.tlsEnabled()) {
                    javalinConfig.jetty.addConnector(new TlsConnector(config));
                }
                routes.register(javalinConfig.routes, inFlight);
            });
            return new ServerApp(
                    config,
                    database,
                    writer,
                    events,
                    javalin,
                    users,
                    pipeline,
                    clock,
                    headListener,
                    inFlight,
                    sightings);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** First-start work: the admin account, and the demo data when asked for. */
    public void prepare(ServerConfig settings) {
        users.ensureAdmin(settings.adminPassword());
        if (settings.demo()) {
            new DemoSeeder(users, writer, pipeline, clock).seed(settings.demoTickets());
        }
    }

    /** Writes a consistent copy of the database (H2's BACKUP TO, a zip holding the database file). */
    public void backupTo(Path file) {
        database.backupTo(file);
    }

    public ServerApp start() {
        sightings.start();
        javalin.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    public String baseUrl() {
        return (config.tlsEnabled() ? "https://" : "http://") + config.bind() + ":" + port();
    }

    public Database database() {
        return database;
    }

    public Writer writer() {
        return writer;
    }

    public UserAdmin users() {
        return users;
    }

    @Override
    public void close() {
        stop(java.time.Duration.ZERO);
    }

    /**
     * SIGTERM: refuse new requests, answer the ones on the wire (a second of grace for bodies still arriving), finish
     * the running ones (up to 10 s), then close streams and the database.
     */
    public void stopGracefully() {
        stop(java.time.Duration.ofSeconds(1));
    }

    private void stop(java.time.Duration grace) {
        if (!inFlight.drain(grace, java.time.Duration.ofSeconds(10))) {
            LOG.warn("requests still running after 10 s; stopping anyway");
        }
        if (headListener != null) {
            headListener.close();
        }
        events.close();
        javalin.stop();
        sightings.close();
        database.close();
    }
}
