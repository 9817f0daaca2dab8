package dev.ticketsync.bench.scenario;

import dev.ticketsync.bench.coldstart.ChildJvm;
import dev.ticketsync.bench.coldstart.DesktopLaunch;
import dev.ticketsync.bench.env.BenchDevice;
import dev.ticketsync.bench.env.BenchSession;
import dev.ticketsync.bench.report.BenchResult;
import dev.ticketsync.bench.report.Percentiles;
import dev.ticketsync.bench.report.ResultKey;
import dev.ticketsync.desktop.profile.TokenFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The desktop app as a user starts it, on a profile whose replica already holds the N tickets and a stored session
 * token: from process start until its list is laid out with rows (the app's probe line). Baseline: a hello-world JVM
 * on the same JDK. Both the median of a few runs.
 */
public final class ColdStartScenario implements Scenario {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final int HELLO_RUNS = 3;

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public void run(BenchSession session, BenchResult result) throws Exception {
        Path desktopJar = DesktopLaunch.desktopJar(
                        session.options().desktopJar(), Path.of("").toAbsolutePath(), DesktopLaunch.benchCode())
                .orElseThrow(() -> new IllegalStateException(
                        "desktop app jar not found; build it (mvn -pl bench -am" + " package) or pass --desktop-jar"));
        boolean display = DesktopLaunch.hasDisplay(System.getenv());
        Path monocle = display
                ? null
                : DesktopLaunch.monocleJar()
                        .orElseThrow(() -> new IllegalStateException(
                                "no DISPLAY and no openjfx-monocle jar on the bench's class path"));
        BenchDevice b = session.syncedObserver();
        new TokenFile(b.directory()).write(b.token());
        session.closeObserver();
        Path logs = session.directory("coldstart");

        double[] hello = new double[HELLO_RUNS];
        for (int i = 0; i < HELLO_RUNS; i++) {
            hello[i] = ChildJvm.time(DesktopLaunch.helloCommand(), null, logs.resolve("hello.log"), LIMIT);
        }
        int runs = session.options().coldStartRuns();
        session.progress(String.format(
                "coldstart: desktop app %s, %d run(s)…", display ? "on DISPLAY" : "headless (Monocle)", runs));
        List<String> command = DesktopLaunch.desktopCommand(
                desktopJar,
                monocle,
                display,
                DesktopLaunch.extraOptions(System.getenv()),
                session.server().url(),
                BenchSession.OBSERVER,
                session.desktopDataDir());
        double[] app = new double[runs];
        for (int i = 0; i < runs; i++) {
            app[i] = ChildJvm.time(command, DesktopLaunch.LIST_SHOWN, logs.resolve("desktop-" + i + ".log"), LIMIT);
        }
        result.put(ResultKey.COLDSTART_S, Percentiles.of(app).p50());
        result.put(ResultKey.HELLO_JVM_S, Percentiles.of(hello).p50());
    }
}
