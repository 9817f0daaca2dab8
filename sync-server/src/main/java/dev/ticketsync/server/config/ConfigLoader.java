package dev.ticketsync.server.config;

import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.server.auth.PasswordHasher;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves the {@link ServerConfig} from, highest first: command-line options, environment variables, the properties
 * file named by {@code --config} or {@code TICKETSYNC_CONFIG}, the defaults. Every bad input is a
 * {@link ConfigException} naming the option, variable or key it came from.
 */
public final class ConfigLoader {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final int QUOTE_MAX_CHARS = 60;

    private ConfigLoader() {}

    /** True when the arguments ask for help; checked before {@link #load} so help works even beside a bad option. */
    public static boolean helpRequested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    public static ServerConfig load(String[] args, Map<String, String> env) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        Map<Setting, Value> commandLine = parseCommandLine(args);
        Map<Setting, Value> environment = readEnvironment(env);
        Value configFile = commandLine.getOrDefault(Setting.CONFIG, environment.get(Setting.CONFIG));

        Map<Setting, Value> chosen = new EnumMap<>(Setting.class);
        if (configFile != null) {
            chosen.putAll(readConfigFile(configFile));
        }
        chosen.putAll(environment);
        chosen.putAll(commandLine);
        return build(chosen);
    }

    public static String helpText() {
        StringBuilder text = new StringBuilder()
                .append("Usage: java -jar ticketsync-server.jar [options]\n\n")
                .append("Each setting comes from, highest first: its command-line option, its environment variable,\n")
                .append("the --config file (keys are the option names without --, e.g. data-dir=/srv/ticketsync),\n")
                .append("the default. Options take their value as --port 8080 or --port=8080. Relative paths are\n")
                .append("resolved against the working directory.\n\nOptions:\n");
        for (Setting setting : Setting.values()) {
            if (!setting.onCommandLine()) {
                continue;
            }
            String usage = setting.option() + (setting.isFlag() ? "" : " " + setting.valueName);
            if (setting == Setting.HELP) {
                usage += ", -h";
            }
            text.append(String.format(Locale.ROOT, "  %-24s %s\n", usage, setting.description));
            text.append(String.format(Locale.ROOT, "  %-24s %s\n", "", sourcesAndDefault(setting)));
        }
        text.append("\nFrom the environment only, never on the command line or in a config file:\n");
        for (Setting setting : Setting.values()) {
            if (!setting.onCommandLine()) {
                text.append(String.format(Locale.ROOT, "  %-34s %s\n", setting.envVar, setting.description));
                text.append(String.format(Locale.ROOT, "  %-34s default: %s\n", "", setting.defaultText));
            }
        }
        return text.toString();
    }

    private static String sourcesAndDefault(Setting setting) {
        String env = setting.envVar == null ? "command line only" : "env " + setting.envVar;
        return setting.defaultText == null ? env : env + "; default: " + setting.defaultText;
    }

    /** A raw setting and where it came from, for the error message. */
    private record Value(String text, String source) {
        String stripped() {
            return text.strip();
        }

        ConfigException problem(String what) {
            return new ConfigException(source + ": " + what);
        }
    }

    private static Map<Setting, Value> parseCommandLine(String[] args) {
        Map<Setting, Value> found = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = Objects.requireNonNull(args[i], "args[" + i + "]");
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("unexpected argument " + quote(arg) + "; options start with -- (see --help)");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Setting setting = commandLineSetting(name);
            String text;
            if (setting.isFlag()) {
                text = equals < 0 ? "true" : arg.substring(equals + 1);
            } else if (equals >= 0) {
                text = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                text = args[++i];
            } else {
                text = "";
            }
            if (!setting.isFlag() && text.isBlank()) {
                throw new ConfigException(name + ": missing value; use " + name + " " + setting.valueName);
            }
            if (found.put(setting, new Value(text, name)) != null) {
                throw new ConfigException(name + ": given more than once");
            }
        }
        return found;
    }

    private static Setting commandLineSetting(String name) {
        String key = name.substring(2);
        Setting setting = Setting.byKey(key).orElse(null);
        if (setting == null) {
            throw new ConfigException("unknown option " + sanitize(name) + "; see --help"
                    + didYouMean(key, "--", Setting::onCommandLine));
        }
        if (!setting.onCommandLine()) {
            throw new ConfigException(name + ": not accepted on the command line, where other local users can read"
                    + " it; set the environment variable " + setting.envVar);
        }
        return setting;
    }

    private static Map<Setting, Value> readEnvironment(Map<String, String> env) {
        Map<Setting, Value> found = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String text = setting.envVar == null ? null : env.get(setting.envVar);
            // Blank counts as unset: compose files and unit files often declare a variable with no value.
            if (text != null && !text.isBlank()) {
                found.put(setting, new Value(text, setting.envVar));
            }
        }
        return found;
    }

    private static Map<Setting, Value> readConfigFile(Value location) {
        Path file = path(location);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw location.problem("config file " + quote(file.toString()) + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(
                    location.source() + ": cannot read config file " + quote(file.toString()) + ": " + describe(e), e);
        } catch (IllegalArgumentException e) {
            // Properties.load reports a malformed unicode escape this way.
            throw location.problem("config file " + quote(file.toString()) + " is malformed: " + e.getMessage());
        }

        Map<Setting, Value> found = new EnumMap<>(Setting.class);
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String where = "config file " + file;
            Setting setting = Setting.byKey(key).orElse(null);
            if (setting == null) {
                throw new ConfigException(
                        where + ": unknown key " + quote(key) + didYouMean(key, "", Setting::inConfigFile)
                                + "; keys are the option names without --, see --help");
            }
            if (setting.where == Setting.Where.ENVIRONMENT_ONLY) {
                throw new ConfigException(where + ": key " + key
                        + " is not accepted in a file; set the environment variable " + setting.envVar);
            }
            if (!setting.inConfigFile()) {
                throw new ConfigException(where + ": key " + key + " is not accepted in a file; use " + setting.option()
                        + " on the command line");
            }
            String text = properties.getProperty(key);
            // An empty value means unset, so a template file can list every key.
            if (!text.isBlank()) {
                found.put(setting, new Value(text, key + " (" + where + ")"));
            }
        }
        return found;
    }

    private static ServerConfig build(Map<Setting, Value> chosen) {
        ServerConfig.Builder config = ServerConfig.builder();
        apply(chosen, Setting.PORT, ConfigLoader::port, config::port);
        apply(chosen, Setting.BIND, ConfigLoader::bind, config::bind);
        apply(chosen, Setting.DATA_DIR, ConfigLoader::path, config::dataDir);
        apply(chosen, Setting.DB_URL, ConfigLoader::dbUrl, config::dbUrl);
        apply(chosen, Setting.DB_USER, Value::stripped, config::dbUser);
        apply(chosen, Setting.DEMO, ConfigLoader::bool, config::demo);
        apply(chosen, Setting.DEMO_TICKETS, ConfigLoader::demoTickets, config::demoTickets);
        apply(chosen, Setting.SESSION_TTL, ConfigLoader::sessionTtl, config::sessionTtl);
        apply(chosen, Setting.BACKUP, ConfigLoader::path, config::backupFile);
        // Secrets are taken verbatim: a leading or trailing space may be part of a password.
        apply(chosen, Setting.DB_PASSWORD, Value::text, config::dbPassword);
        apply(chosen, Setting.TLS_KEYSTORE_PASSWORD, Value::text, config::tlsKeystorePassword);
        apply(chosen, Setting.ADMIN_PASSWORD, ConfigLoader::adminPassword, config::adminPassword);
        Value tlsPassword = chosen.get(Setting.TLS_KEYSTORE_PASSWORD);
        apply(chosen, Setting.TLS_KEYSTORE, keystore -> tlsKeystore(keystore, tlsPassword), config::tlsKeystore);
        ServerConfig built = config.build();
        checkDataDirFitsH2Url(built, chosen.get(Setting.DATA_DIR));
        return built;
    }

    private static <T> void apply(
            Map<Setting, Value> chosen, Setting setting, Function<Value, T> parse, Consumer<T> target) {
        Value value = chosen.get(setting);
        if (value != null) {
            target.accept(parse.apply(value));
        }
    }

    private static int port(Value value) {
        String text = value.stripped();
        if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) > 65535) {
            throw value.problem("must be a number 0–65535, got " + quote(value.text()));
        }
        return Integer.parseInt(text);
    }

    private static String bind(Value value) {
        String text = value.stripped();
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '/')) {
            throw value.problem("must be an IP address or host name, got " + quote(value.text()));
        }
        return text;
    }

    private static Path path(Value value) {
        try {
            return Path.of(value.stripped());
        } catch (InvalidPathException e) {
            throw value.problem("not a valid path: " + quote(value.text()));
        }
    }

    private static String dbUrl(Value value) {
        String text = value.stripped();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            // The URL itself is not echoed: it may carry a password.
            throw value.problem("must be a JDBC URL starting with jdbc:h2: or jdbc:postgresql:");
        }
        return text;
    }

    private static boolean bool(Value value) {
        return switch (value.stripped().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw value.problem("must be true or false, got " + quote(value.text()));
        };
    }

    private static int demoTickets(Value value) {
        String text = value.stripped();
        if (!DIGITS.matcher(text).matches() || Integer.parseInt(text) > ServerConfig.MAX_DEMO_TICKETS) {
            throw value.problem("must be a number 0–" + ServerConfig.MAX_DEMO_TICKETS + ", got " + quote(value.text()));
        }
        return Integer.parseInt(text);
    }

    private static Duration sessionTtl(Value value) {
        String text = value.stripped();
        Duration ttl;
        try {
            ttl = DIGITS.matcher(text).matches() ? Duration.ofHours(Long.parseLong(text)) : Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw value.problem("must be an ISO-8601 duration such as P30D or PT12H, or a number of hours, got "
                    + quote(value.text()));
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(ServerConfig.MAX_SESSION_TTL) > 0) {
            throw value.problem("must be more than zero and at most 3650 days, got " + quote(value.text()));
        }
        return ttl;
    }

    private static String adminPassword(Value value) {
        try {
            PasswordHasher.checkStrength(value.source(), value.text());
        } catch (ValidationException e) {
            throw new ConfigException(e.getMessage());
        }
        return value.text();
    }

    private static Path tlsKeystore(Value value, Value password) {
        Path file = path(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw value.problem("cannot read keystore file " + quote(file.toString()));
        }
        if (password == null) {
            throw value.problem(
                    "needs the keystore password in the environment variable " + Setting.TLS_KEYSTORE_PASSWORD.envVar);
        }
        return file;
    }

    /** The data directory becomes part of the H2 URL, where a ';' would start a setting. */
    private static void checkDataDirFitsH2Url(ServerConfig config, Value dataDir) {
        if (config.dbUrl() == null
                && config.dataDir().toAbsolutePath().toString().indexOf(';') >= 0) {
            String source = dataDir == null ? Setting.DATA_DIR.option() : dataDir.source();
            throw new ConfigException(source + ": must not contain ';' (the embedded database URL is built from it)");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String didYouMean(String key, String prefix, Predicate<Setting> allowed) {
        Setting closest = null;
        int best = 3; // further than two edits is a different word, not a typo
        for (Setting setting : Setting.values()) {
            int distance = editDistance(key, setting.key);
            if (allowed.test(setting) && distance < best) {
                best = distance;
                closest = setting;
            }
        }
        return closest == null ? "" : " (did you mean " + prefix + closest.key + "?)";
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String quote(String text) {
        return "'" + sanitize(text) + "'";
    }

    /** Error messages go to a terminal: no control characters, and no screenful from one pasted value. */
    private static String sanitize(String text) {
        String shown = text.length() > QUOTE_MAX_CHARS ? text.substring(0, QUOTE_MAX_CHARS) + "…" : text;
        StringBuilder clean = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
