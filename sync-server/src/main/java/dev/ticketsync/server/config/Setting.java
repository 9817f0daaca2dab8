package dev.ticketsync.server.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the server reads, with the places it may come from. One table drives the parser, the config-file
 * check and the help text, so they cannot drift apart.
 */
enum Setting {
    PORT("port", "N", "TICKETSYNC_PORT", Where.ANYWHERE, "8080", "port to listen on; 0 picks a free one"),
    BIND("bind", "ADDRESS", "TICKETSYNC_BIND", Where.ANYWHERE, "127.0.0.1", "address to listen on; 0.0.0.0 for all"),
    DATA_DIR(
            "data-dir",
            "DIR",
            "TICKETSYNC_DATA_DIR",
            Where.ANYWHERE,
            "./data",
            "holds the embedded H2 database and the audit key file"),
    DB_URL(
            "db-url",
            "JDBC_URL",
            "TICKETSYNC_DB_URL",
            Where.ANYWHERE,
            "embedded H2 in the data dir",
            "jdbc:h2:… or jdbc:postgresql://host/db"),
    DB_USER("db-user", "USER", "TICKETSYNC_DB_USER", Where.ANYWHERE, "none", "database user"),
    CONFIG(
            "config",
            "FILE",
            "TICKETSYNC_CONFIG",
            Where.NOT_IN_FILE,
            "none",
            "properties file with these settings; keys are the option names without --"),
    DEMO(
            "demo",
            null,
            "TICKETSYNC_DEMO",
            Where.ANYWHERE,
            "false",
            "on an empty database, also create demo users alice, bob, carol and demo tickets"),
    DEMO_TICKETS(
            "demo-tickets", "N", "TICKETSYNC_DEMO_TICKETS", Where.ANYWHERE, "2000", "how many tickets --demo creates"),
    SESSION_TTL(
            "session-ttl",
            "DURATION",
            "TICKETSYNC_SESSION_TTL",
            Where.ANYWHERE,
            "P30D (30 days)",
            "login session lifetime: ISO-8601 (P30D, PT12H) or a number of hours"),
    TLS_KEYSTORE(
            "tls-keystore",
            "FILE",
            "TICKETSYNC_TLS_KEYSTORE",
            Where.ANYWHERE,
            "none (plain HTTP)",
            "keystore (PKCS12 or JKS) to serve HTTPS; its password from TICKETSYNC_TLS_KEYSTORE_PASSWORD"),
    BACKUP(
            "backup",
            "FILE",
            null,
            Where.COMMAND_LINE_ONLY,
            "none",
            "write a consistent backup of the database to FILE"),
    HELP("help", null, null, Where.COMMAND_LINE_ONLY, null, "print this help"),
    DB_PASSWORD(
            "db-password", "PASSWORD", "TICKETSYNC_DB_PASSWORD", Where.ENVIRONMENT_ONLY, "none", "database password"),
    TLS_KEYSTORE_PASSWORD(
            "tls-keystore-password",
            "PASSWORD",
            "TICKETSYNC_TLS_KEYSTORE_PASSWORD",
            Where.ENVIRONMENT_ONLY,
            "none",
            "password of the --tls-keystore"),
    ADMIN_PASSWORD(
            "admin-password",
            "PASSWORD",
            "TICKETSYNC_ADMIN_PASSWORD",
            Where.ENVIRONMENT_ONLY,
            "random, printed once to the log",
            "password of the user admin created on the first start");

    /**
     * Where a setting may be given. Secrets are environment-only so they never show in {@code ps} output, shell
     * history, or a config file that gets copied around.
     */
    enum Where {
        ANYWHERE,
        NOT_IN_FILE,
        COMMAND_LINE_ONLY,
        ENVIRONMENT_ONLY
    }

    final String key;
    /** Null for a flag, which takes no value. */
    final String valueName;
    /** Null when no environment variable sets it. */
    final String envVar;

    final Where where;
    final String defaultText;
    final String description;

    Setting(String key, String valueName, String envVar, Where where, String defaultText, String description) {
        this.key = key;
        this.valueName = valueName;
        this.envVar = envVar;
        this.where = where;
        this.defaultText = defaultText;
        this.description = description;
    }

    String option() {
        return "--" + key;
    }

    boolean isFlag() {
        return valueName == null;
    }

    boolean onCommandLine() {
        return where != Where.ENVIRONMENT_ONLY;
    }

    boolean inConfigFile() {
        return where == Where.ANYWHERE;
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
