package dev.ticketsync.bench;

import dev.ticketsync.bench.coldstart.DesktopLaunch;
import dev.ticketsync.bench.env.ProcessCpu;
import dev.ticketsync.bench.report.Scorecard;
import dev.ticketsync.bench.report.TableFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar bench/target/ticketsync-bench.jar [options]}: runs the scenarios, prints a table and, last, one JSON
 * line with every figure; also writes {@code bench-result.json} next to the jar. Exit 0 when every scenario ran
 * (targets missed included: that is a finding, not a failure), 1 when one failed, 2 on bad arguments.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the bench's own quiet configuration, not the server's or the app's.
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ticketsync-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        int exit = run(options, System.out);
        System.exit(exit);
    }

    static int run(BenchOptions options, PrintStream out) throws Exception {
        out.printf(
                "TicketSync bench: %,d tickets, %,d comments%s; %d cores, Java %s, load average %.1f%n",
                options.tickets(),
                options.comments(),
                options.quick() ? " (quick)" : "",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ProcessCpu.loadAverage());
        BenchRun.Outcome outcome = new BenchRun(options, out).run();
        Path file = resultFile();
        try {
            outcome.result().writeTo(file);
        } catch (IOException e) {
            out.println("could not write " + file + ": " + e.getMessage());
        }
        out.println();
        out.print(TableFormat.render(Scorecard.rows(outcome.result())));
        out.printf(
                "%nran in %.1f s (%.1f s CPU in the bench's JVM, load average %.1f at the end); figures also in %s%n",
                outcome.seconds(), ProcessCpu.seconds(), ProcessCpu.loadAverage(), file);
        outcome.failures().forEach(failure -> out.println("FAILED " + failure));
        out.println(outcome.result().toJsonLine());
        out.flush();
        return outcome.failures().isEmpty() ? 0 : 1;
    }

    /** bench/target/bench-result.json: the directory of the bench's jar (or of its classes directory). */
    static Path resultFile() {
        Path target = DesktopLaunch.benchCode().getParent();
        return (target != null ? target : Path.of("target")).resolve("bench-result.json");
    }
}
