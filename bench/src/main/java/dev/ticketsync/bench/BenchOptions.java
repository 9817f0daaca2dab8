package dev.ticketsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code [--tickets N] [--comments-per-ticket N] [--quick] [--only NAME[,NAME]] [--desktop-jar JAR]}.
 * {@code --quick} is the CI-sized run (10k tickets, shorter fan-out, fewer repeats); an explicit {@code --tickets} still
 * wins over it.
 */
public record BenchOptions(
        int tickets,
        int commentsPerTicket,
        boolean quick,
        Set<String> only,
        Path desktopJar,
        int pushMutations,
        int catchupChanges,
        int propagationEdits,
        int queries,
        int fanoutDevices,
        Duration fanoutDuration,
        int coldStartRuns,
        boolean help) {

    /** The scenarios, in the order the table lists them. */
    public static final List<String> SCENARIOS =
            List.of("bootstrap", "push", "propagation", "query", "fanout", "catchup", "coldstart");

    public static final int FULL_TICKETS = 100_000;
    public static final int QUICK_TICKETS = 10_000;
    public static final int MAX_TICKETS = 2_000_000;
    public static final int MAX_COMMENTS_PER_TICKET = 50;

    public static final String USAGE = """
            Usage: java -jar ticketsync-bench.jar [--tickets N] [--comments-per-ticket N] [--quick] [--only NAME[,NAME...]]
                                                  [--desktop-jar JAR]
              --tickets N               tickets on the server and in the replica (default 100000; 10000 with --quick)
              --comments-per-ticket N   comments per ticket (default 3)
              --quick                   CI-sized run: 10k tickets, 10k pushed and missed changes, 200 propagated edits,
                                        a 5 s fan-out, one cold start
              --only NAME               run only these scenarios (repeat or separate with commas): %s
              --desktop-jar JAR         the desktop app for coldstart (default: desktop-app/target/ticketsync-desktop.jar)
            Prints a table and, last, one JSON line; also writes bench/target/bench-result.json.
            Environment: TICKETSYNC_BENCH_DESKTOP_OPTS adds JVM options to the desktop app under test (e.g. a JFR recording).
            """.formatted(String.join(", ", SCENARIOS));

    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    public int comments() {
        return tickets * commentsPerTicket;
    }

    /** Parses the arguments; a mistake throws {@link IllegalArgumentException} naming the option at fault. */
    public static BenchOptions parse(String... args) {
        Integer tickets = null;
        int commentsPerTicket = 3;
        boolean quick = false;
        boolean help = false;
        Set<String> only = new LinkedHashSet<>();
        Path desktopJar = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--help", "-h" -> help = true;
                case "--tickets" -> tickets = number(arg, value(args, ++i, arg), 1, MAX_TICKETS);
                case "--comments-per-ticket" ->
                    commentsPerTicket = number(arg, value(args, ++i, arg), 0, MAX_COMMENTS_PER_TICKET);
                case "--only" -> {
                    for (String name : value(args, ++i, arg).split(",")) {
                        String scenario = name.strip();
                        if (!SCENARIOS.contains(scenario)) {
                            throw new IllegalArgumentException("--only: unknown scenario '" + scenario
                                    + "'; choose from " + String.join(", ", SCENARIOS));
                        }
                        only.add(scenario);
                    }
                }
                case "--desktop-jar" -> desktopJar = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'; see --help");
            }
        }
        int ticketCount = tickets != null ? tickets : quick ? QUICK_TICKETS : FULL_TICKETS;
        return new BenchOptions(
                ticketCount,
                commentsPerTicket,
                quick,
                Set.copyOf(only),
                desktopJar,
                quick ? 10_000 : 50_000,
                quick ? 10_000 : 50_000,
                quick ? 200 : 500,
                200,
                200,
                quick ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                quick ? 1 : 3,
                help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be " + min + "–" + max + ", got " + value);
        }
        return value;
    }
}
