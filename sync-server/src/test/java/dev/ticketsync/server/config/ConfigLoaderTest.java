package dev.ticketsync.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    private static ServerConfig load(Map<String, String> env, String... args) {
        return ConfigLoader.load(args, env);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void nothing_given_means_every_default() {
        ServerConfig config = load(NO_ENV);

        assertThat(config).isEqualTo(ServerConfig.defaults());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.dbUrl()).isNull();
        assertThat(config.demo()).isFalse();
        assertThat(config.backupFile()).isNull();
        assertThat(config.tlsKeystore()).isNull();
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(config.demoTickets()).isEqualTo(2000);
    }

    @Test
    void command_line_beats_environment_beats_config_file_beats_default() throws IOException {
        Path properties = file("server.properties", "port=7001\nbind=10.0.0.1\ndata-dir=/from/file\n");
        Map<String, String> env = Map.of(
                "TICKETSYNC_CONFIG", properties.toString(),
                "TICKETSYNC_PORT", "7002",
                "TICKETSYNC_BIND", "10.0.0.2");

        ServerConfig config = load(env, "--port", "7003");

        assertThat(config.port()).isEqualTo(7003);
        assertThat(config.bind()).isEqualTo("10.0.0.2");
        assertThat(config.dataDir()).isEqualTo(Path.of("/from/file"));
        assertThat(config.demoTickets()).isEqualTo(2000);
    }

    @Test
    void option_value_may_follow_a_space_or_an_equals_sign() {
        assertThat(load(NO_ENV, "--port", "9000").port()).isEqualTo(9000);
        assertThat(load(NO_ENV, "--port=9000").port()).isEqualTo(9000);
        assertThat(load(NO_ENV, "--port=0").port()).isZero();
        assertThat(load(NO_ENV, "--db-url=jdbc:h2:mem:x;MODE=PostgreSQL").dbUrl())
                .isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
    }

    @Test
    void config_file_sets_every_key_it_may() throws IOException {
        Path keystore = file("server.p12", "not really a keystore");
        Path properties = file(
                "all.properties",
                String.join(
                        "\n",
                        "# comments are fine",
                        "port = 9100",
                        "bind=0.0.0.0",
                        "data-dir=/srv/ticketsync",
                        "db-url=jdbc:postgresql://db/ticketsync",
                        "db-user=ticketsync",
                        "demo=yes",
                        "demo-tickets=50",
                        "session-ttl=PT12H",
                        "tls-keystore=" + keystore.toString().replace("\\", "\\\\"),
                        ""));

        ServerConfig config =
                load(Map.of("TICKETSYNC_TLS_KEYSTORE_PASSWORD", "changeit"), "--config", properties.toString());

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.bind()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/ticketsync"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db/ticketsync");
        assertThat(config.isPostgres()).isTrue();
        assertThat(config.dbUser()).isEqualTo("ticketsync");
        assertThat(config.demo()).isTrue();
        assertThat(config.demoTickets()).isEqualTo(50);
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.tlsKeystore()).isEqualTo(keystore);
        assertThat(config.tlsKeystorePassword()).isEqualTo("changeit");
        assertThat(config.tlsEnabled()).isTrue();
    }

    @Test
    void blank_value_in_config_file_means_unset() throws IOException {
        Path properties = file("template.properties", "port=\nbind=\n");

        assertThat(load(NO_ENV, "--config", properties.toString())).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void config_option_beats_config_variable() throws IOException {
        Path fromOption = file("a.properties", "port=1111\n");
        Path fromEnv = file("b.properties", "port=2222\n");

        ServerConfig config = load(Map.of("TICKETSYNC_CONFIG", fromEnv.toString()), "--config=" + fromOption);

        assertThat(config.port()).isEqualTo(1111);
    }

    @Test
    void environment_sets_settings_and_secrets_and_blank_means_unset() {
        Map<String, String> env = Map.of(
                "TICKETSYNC_DATA_DIR", "/var/lib/ticketsync",
                "TICKETSYNC_DB_URL", "jdbc:postgresql://db/ts",
                "TICKETSYNC_DB_USER", "ts",
                "TICKETSYNC_DB_PASSWORD", " secret with spaces ",
                "TICKETSYNC_ADMIN_PASSWORD", "correct horse battery",
                "TICKETSYNC_DEMO", "true",
                "TICKETSYNC_DEMO_TICKETS", "10",
                "TICKETSYNC_SESSION_TTL", "48",
                "TICKETSYNC_PORT", "");

        ServerConfig config = load(env);

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/ticketsync"));
        assertThat(config.dbUser()).isEqualTo("ts");
        assertThat(config.dbPassword()).isEqualTo(" secret with spaces ");
        assertThat(config.adminPassword()).isEqualTo("correct horse battery");
        assertThat(config.demo()).isTrue();
        assertThat(config.demoTickets()).isEqualTo(10);
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(48));
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void demo_flag_and_its_explicit_false_override_the_environment() {
        assertThat(load(NO_ENV, "--demo").demo()).isTrue();
        assertThat(load(Map.of("TICKETSYNC_DEMO", "true"), "--demo=false").demo())
                .isFalse();
    }

    @Test
    void backup_file_only_from_the_command_line() {
        assertThat(load(NO_ENV, "--backup", "/tmp/b.zip").backupFile()).isEqualTo(Path.of("/tmp/b.zip"));
        assertThat(load(Map.of("TICKETSYNC_BACKUP", "/tmp/b.zip")).backupFile()).isNull();
    }

    @Test
    void session_ttl_accepts_iso_durations_and_hours() {
        assertThat(load(NO_ENV, "--session-ttl", "P7D").sessionTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(load(NO_ENV, "--session-ttl", "pt30m").sessionTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(load(NO_ENV, "--session-ttl", "24").sessionTtl()).isEqualTo(Duration.ofHours(24));
    }

    static Stream<Arguments> bad_inputs() {
        return Stream.of(
                bad(new String[] {"--port", "abc"}, NO_ENV, "--port: must be a number 0–65535, got 'abc'"),
                bad(new String[] {"--port=65536"}, NO_ENV, "--port: must be a number 0–65535, got '65536'"),
                bad(new String[] {"--port", "-1"}, NO_ENV, "--port: must be a number 0–65535, got '-1'"),
                bad(new String[0], Map.of("TICKETSYNC_PORT", "http"), "TICKETSYNC_PORT: must be a number 0–65535"),
                bad(new String[] {"--prot", "80"}, NO_ENV, "unknown option --prot; see --help (did you mean --port?)"),
                bad(new String[] {"--frobnicate"}, NO_ENV, "unknown option --frobnicate; see --help"),
                bad(new String[] {"serve"}, NO_ENV, "unexpected argument 'serve'"),
                bad(new String[] {"--port"}, NO_ENV, "--port: missing value"),
                bad(new String[] {"--port", "--demo"}, NO_ENV, "--port: missing value"),
                bad(new String[] {"--data-dir="}, NO_ENV, "--data-dir: missing value"),
                bad(new String[] {"--port", "1", "--port", "2"}, NO_ENV, "--port: given more than once"),
                bad(new String[] {"--bind", "my host"}, NO_ENV, "--bind: must be an IP address or host name"),
                bad(new String[] {"--demo=maybe"}, NO_ENV, "--demo: must be true or false, got 'maybe'"),
                bad(new String[0], Map.of("TICKETSYNC_DEMO", "sure"), "TICKETSYNC_DEMO: must be true or false"),
                bad(new String[] {"--demo-tickets", "lots"}, NO_ENV, "--demo-tickets: must be a number 0–1000000"),
                bad(new String[] {"--demo-tickets", "99999999"}, NO_ENV, "--demo-tickets: must be a number"),
                bad(new String[] {"--session-ttl", "forever"}, NO_ENV, "--session-ttl: must be an ISO-8601 duration"),
                bad(new String[] {"--session-ttl", "PT0S"}, NO_ENV, "--session-ttl: must be more than zero"),
                bad(new String[0], Map.of("TICKETSYNC_SESSION_TTL", "P99999D"), "TICKETSYNC_SESSION_TTL: must be"),
                bad(new String[] {"--db-url", "mysql://x"}, NO_ENV, "--db-url: must be a JDBC URL"),
                bad(new String[] {"--data-dir", "/a;b"}, NO_ENV, "--data-dir: must not contain ';'"),
                bad(new String[] {"--admin-password", "x"}, NO_ENV, "--admin-password: not accepted on the command"),
                bad(new String[] {"--db-password=x"}, NO_ENV, "environment variable TICKETSYNC_DB_PASSWORD"),
                bad(new String[0], Map.of("TICKETSYNC_ADMIN_PASSWORD", "short"), "TICKETSYNC_ADMIN_PASSWORD: must"),
                bad(new String[] {"--tls-keystore", "/no/such.p12"}, NO_ENV, "--tls-keystore: cannot read keystore"),
                bad(new String[] {"--config", "/no/such.properties"}, NO_ENV, "--config: cannot read config file"),
                bad(new String[0], Map.of("TICKETSYNC_CONFIG", "/no/such"), "TICKETSYNC_CONFIG: cannot read"));
    }

    private static Arguments bad(String[] args, Map<String, String> env, String expectedMessage) {
        return Arguments.of(String.join(" ", args) + " " + env.keySet(), args, env, expectedMessage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_inputs")
    void bad_input_names_where_it_came_from_and_what_is_wrong(
            String name, String[] args, Map<String, String> env, String expectedMessage) {
        assertThatThrownBy(() -> ConfigLoader.load(args, env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void db_url_is_not_echoed_in_its_error_because_it_may_hold_a_password() {
        assertThatThrownBy(() -> load(NO_ENV, "--db-url", "mysql://db?password=hunter2"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void keystore_needs_its_password_from_the_environment() throws IOException {
        Path keystore = file("server.p12", "x");

        assertThatThrownBy(() -> load(NO_ENV, "--tls-keystore", keystore.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--tls-keystore:")
                .hasMessageContaining("TICKETSYNC_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void bad_value_in_config_file_names_key_and_file() throws IOException {
        Path properties = file("bad.properties", "port=abc\n");

        assertThatThrownBy(() -> load(NO_ENV, "--config", properties.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("port (config file " + properties + ")")
                .hasMessageContaining("must be a number 0–65535, got 'abc'");
    }

    @Test
    void unknown_or_misplaced_keys_in_config_file_are_refused() throws IOException {
        Path typo = file("typo.properties", "prot=80\n");
        Path secret = file("secret.properties", "admin-password=correct horse battery\n");
        Path oneShot = file("backup.properties", "backup=/tmp/b.zip\n");

        assertThatThrownBy(() -> load(NO_ENV, "--config", typo.toString()))
                .hasMessageContaining("unknown key 'prot' (did you mean port?)");
        assertThatThrownBy(() -> load(NO_ENV, "--config", secret.toString()))
                .hasMessageContaining("admin-password")
                .hasMessageContaining("TICKETSYNC_ADMIN_PASSWORD");
        assertThatThrownBy(() -> load(NO_ENV, "--config", oneShot.toString()))
                .hasMessageContaining("use --backup on the command line");
    }

    @Test
    void a_directory_is_not_a_readable_config_file() {
        assertThatThrownBy(() -> load(NO_ENV, "--config", dir.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--config: cannot read config file");
    }

    @Test
    void help_is_detected_anywhere_in_the_arguments() {
        assertThat(ConfigLoader.helpRequested(new String[] {"--port", "abc", "--help"}))
                .isTrue();
        assertThat(ConfigLoader.helpRequested(new String[] {"-h"})).isTrue();
        assertThat(ConfigLoader.helpRequested(new String[] {"--port", "1"})).isFalse();
        assertThat(load(NO_ENV, "--help")).isEqualTo(ServerConfig.defaults());
    }

    @Test
    void help_lists_every_option_with_its_variable_and_default() {
        String help = ConfigLoader.helpText();

        assertThat(help)
                .contains(
                        "--port N",
                        "--bind ADDRESS",
                        "--data-dir DIR",
                        "--db-url JDBC_URL",
                        "--db-user USER",
                        "--config FILE",
                        "--demo ",
                        "--demo-tickets N",
                        "--session-ttl DURATION",
                        "--backup FILE",
                        "--tls-keystore FILE",
                        "--help",
                        "TICKETSYNC_DB_PASSWORD",
                        "TICKETSYNC_TLS_KEYSTORE_PASSWORD",
                        "TICKETSYNC_ADMIN_PASSWORD",
                        "default: 8080",
                        "default: 127.0.0.1",
                        "default: ./data",
                        "default: 2000");
        for (Setting setting : Setting.values()) {
            if (setting.onCommandLine()) {
                assertThat(help).contains(setting.option());
            }
            if (setting.envVar != null) {
                assertThat(help).contains(setting.envVar);
            }
            if (setting.defaultText != null) {
                assertThat(help).contains("default: " + setting.defaultText);
            }
        }
    }

    @Test
    void h2_url_is_durable_and_uses_the_absolute_data_dir() {
        ServerConfig config = load(NO_ENV, "--data-dir", "some/relative/dir");

        String absolute =
                Path.of("some/relative/dir").toAbsolutePath().normalize().toString();
        assertThat(config.jdbcUrl())
                .startsWith("jdbc:h2:file:" + absolute)
                .contains(absolute)
                .contains(";WRITE_DELAY=0");
        assertThat(config.isPostgres()).isFalse();
    }

    @Test
    void configured_db_url_is_used_as_is() {
        ServerConfig config = load(NO_ENV, "--db-url", "jdbc:postgresql://db:5432/ts");

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ts");
        assertThat(config.isPostgres()).isTrue();
    }

    @Test
    void to_string_hides_secrets() {
        ServerConfig config = ServerConfig.builder()
                .dbUrl("jdbc:postgresql://db/ts?user=ts&password=urlsecret")
                .dbPassword("dbsecret")
                .tlsKeystorePassword("tlssecret")
                .adminPassword("adminsecret")
                .build();

        assertThat(config.toString())
                .doesNotContain("urlsecret", "dbsecret", "tlssecret", "adminsecret")
                .contains("port=8080", "dbPassword=***");
    }
}
