package dev.ticketsync.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server's settings, resolved once at start by {@link ConfigLoader}. Nullable fields mean "not set": {@code dbUrl}
 * (embedded H2 in {@code dataDir}), {@code dbUser}, {@code dbPassword}, {@code backupFile} (no one-shot backup),
 * {@code tlsKeystore} (plain HTTP), {@code tlsKeystorePassword}, {@code adminPassword} (a random one is generated).
 *
 * <p>{@link #toString()} hides the secrets, so the whole record may be logged.
 */
public record ServerConfig(
        int port,
        String bind,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        boolean demo,
        Path backupFile,
        Path tlsKeystore,
        String tlsKeystorePassword,
        String adminPassword,
        Duration sessionTtl,
        int demoTickets) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final Path DEFAULT_DATA_DIR = Path.of("./data");
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofDays(30);
    public static final int DEFAULT_DEMO_TICKETS = 2000;

    /** Keeps {@code Instant.now().plus(ttl)} far from overflow, whatever is configured. */
    public static final Duration MAX_SESSION_TTL = Duration.ofDays(3650);

    public static final int MAX_DEMO_TICKETS = 1_000_000;

    private static final String H2_FILE_NAME = "ticketsync";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(password=)[^&;]*", Pattern.CASE_INSENSITIVE);

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0–65535, got " + port);
        }
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(MAX_SESSION_TTL) > 0) {
            throw new IllegalArgumentException("sessionTtl must be positive and at most " + MAX_SESSION_TTL);
        }
        if (demoTickets < 0 || demoTickets > MAX_DEMO_TICKETS) {
            throw new IllegalArgumentException("demoTickets must be 0–" + MAX_DEMO_TICKETS + ", got " + demoTickets);
        }
    }

    /** Every setting at its default: port 8080 on loopback, data in ./data, embedded H2, plain HTTP. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The JDBC URL to open: {@code dbUrl} when set, else the embedded H2 file in the data directory. WRITE_DELAY=0
     * because H2 otherwise delays writes by up to a second, and an answered commit must survive {@code kill -9}
     * (DESIGN.md §4). A larger parsed-statement cache, because the write path alone uses more statements than H2's
     * default of 8 keeps parsed per connection. DB_CLOSE_ON_EXIT=FALSE, because H2's own shutdown hook would close the
     * database under requests still being drained; the server closes it itself, last. The path is absolute so the database does not move with the working
     * directory.
     */
    public String jdbcUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(H2_FILE_NAME)
                + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE";
    }

    public boolean isPostgres() {
        return dbUrl != null && dbUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    public boolean tlsEnabled() {
        return tlsKeystore != null;
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port
                + ", bind=" + bind
                + ", dataDir=" + dataDir
                + ", dbUrl="
                + (dbUrl == null ? null : PASSWORD_IN_URL.matcher(dbUrl).replaceAll("$1***"))
                + ", dbUser=" + dbUser
                + ", dbPassword=" + redacted(dbPassword)
                + ", demo=" + demo
                + ", backupFile=" + backupFile
                + ", tlsKeystore=" + tlsKeystore
                + ", tlsKeystorePassword=" + redacted(tlsKeystorePassword)
                + ", adminPassword=" + redacted(adminPassword)
                + ", sessionTtl=" + sessionTtl
                + ", demoTickets=" + demoTickets
                + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? null : "***";
    }

    /** Builds a config from the defaults; mainly for tests and for {@link ConfigLoader}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bind = DEFAULT_BIND;
        private Path dataDir = DEFAULT_DATA_DIR;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private boolean demo;
        private Path backupFile;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private String adminPassword;
        private Duration sessionTtl = DEFAULT_SESSION_TTL;
        private int demoTickets = DEFAULT_DEMO_TICKETS;

        private Builder() {}

        private Builder(ServerConfig from) {
            port = from.port;
            bind = from.bind;
            dataDir = from.dataDir;
            dbUrl = from.dbUrl;
            dbUser = from.dbUser;
            dbPassword = from.dbPassword;
            demo = from.demo;
            backupFile = from.backupFile;
            tlsKeystore = from.tlsKeystore;
            tlsKeystorePassword = from.tlsKeystorePassword;
            adminPassword = from.adminPassword;
            sessionTtl = from.sessionTtl;
            demoTickets = from.demoTickets;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder bind(String value) {
            bind = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder dbUrl(String value) {
            dbUrl = value;
            return this;
        }

        public Builder dbUser(String value) {
            dbUser = value;
            return this;
        }

        public Builder dbPassword(String value) {
            dbPassword = value;
            return this;
        }

        public Builder demo(boolean value) {
            demo = value;
            return this;
        }

        public Builder backupFile(Path value) {
            backupFile = value;
            return this;
        }

        public Builder tlsKeystore(Path value) {
            tlsKeystore = value;
            return this;
        }

        public Builder tlsKeystorePassword(String value) {
            tlsKeystorePassword = value;
            return this;
        }

        public Builder adminPassword(String value) {
            adminPassword = value;
            return this;
        }

        public Builder sessionTtl(Duration value) {
            sessionTtl = value;
            return this;
        }

        public Builder demoTickets(int value) {
            demoTickets = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(
                    port,
                    bind,
                    dataDir,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    demo,
                    backupFile,
                    tlsKeystore,
                    tlsKeystorePassword,
                    adminPassword,
                    sessionTtl,
                    demoTickets);
        }
    }
}
