package dev.ticketsync.desktop.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.protocol.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of a chaos run, gathered as it goes and printed at the end: how much chaos there was (kills, offline
 * periods, dropped connections), how much work (mutations, accepted, rejected by code), what the server holds, and how
 * long convergence took.
 */
final class ChaosFigures {

    private final ChaosSettings settings;
    private final long created = System.nanoTime();
    private long chaosStarted;
    private long chaosEnded;
    private long quiet;
    private int edits;
    private int reports;
    private int latencyChanges;
    private int killsWhileStarting;
    private int kills;
    private int starts;
    private List<Long> startupMillis = List.of();
    private long offlinePeriods;
    private long drops;
    private long mutations;
    private long refusedLocally;
    private ChaosVerdict verdict;
    private long verified;

    ChaosFigures(ChaosSettings settings) {
        this.settings = settings;
    }

    void chaosStarted() {
        chaosStarted = System.nanoTime();
    }

    void chaosEnded(ChaosRun run, ServerProcess server, List<ChaosDevice> devices) {
        chaosEnded = System.nanoTime();
        edits = run.edits();
        reports = run.reports();
        latencyChanges = run.latencyChanges();
        killsWhileStarting = run.killsWhileStarting();
        kills = server.kills();
        for (ChaosDevice device : devices) {
            offlinePeriods += device.offlinePeriods();
            drops += device.network().drops();
            mutations += device.edits().made().size();
            refusedLocally += device.refusedLocally();
        }
    }

    void quiet() {
        quiet = System.nanoTime();
    }

    void serverKilledAtTheEnd(ServerProcess server) {
        kills = server.kills();
        starts = server.starts();
        startupMillis = server.startupMillis().stream().sorted().toList();
    }

    void verified(ChaosVerdict checked) {
        verdict = checked;
        verified = System.nanoTime();
    }

    void print() {
        long rejected =
                verdict.rejected().values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder("ChaosTest figures (seed ")
                .append(settings.seed())
                .append("):\n");
        line(
                out,
                "chaos",
                "%d devices of 5 users (agents and leads), %d edit attempts, %d new tickets",
                settings.devices(),
                edits,
                reports);
        line(
                out,
                "server",
                "%d kill -9 during the chaos (%d of them while it started) and one after quiet; %d starts,"
                        + " median %d ms to listen, max %d ms",
                kills - 1,
                killsWhileStarting,
                starts,
                startupMillis.isEmpty() ? 0 : startupMillis.get(startupMillis.size() / 2),
                startupMillis.isEmpty() ? 0 : startupMillis.get(startupMillis.size() - 1));
        line(
                out,
                "network",
                "%d offline periods, %d connections dropped, %d latency changes",
                offlinePeriods,
                drops,
                latencyChanges);
        line(
                out,
                "mutations",
                "%d queued (%d refused locally), %d accepted, %d rejected %s",
                mutations,
                refusedLocally,
                verdict.accepted(),
                rejected,
                verdict.rejected());
        line(
                out,
                "server holds",
                "%d tickets, %d comments, %d audit entries; audit/verify %s",
                verdict.tickets(),
                verdict.comments(),
                verdict.auditEntries(),
                verdict.auditVerified() ? "ok" : "FAILED");
        line(
                out,
                "timing",
                "setup %.1f s, chaos %.1f s, quiet %.1f s after it, read back and checked in %.1f s",
                seconds(created, chaosStarted),
                seconds(chaosStarted, chaosEnded),
                seconds(chaosEnded, quiet),
                seconds(quiet, verified));
        System.out.print(out);
    }

    /** The run must have exercised what it claims to: kills, network faults and rejections into the inboxes. */
    void assertTheChaosHappened() {
        Map<ErrorCode, Long> rejected = verdict.rejected();
        assertThat(kills - 1).as("server kills during the chaos").isGreaterThanOrEqualTo(2);
        assertThat(offlinePeriods).as("offline periods").isPositive();
        assertThat(drops).as("dropped connections").isPositive();
        assertThat(verdict.accepted()).as("accepted mutations").isPositive();
        assertThat(rejected).as("rejections by code").containsKeys(ErrorCode.CONFLICT, ErrorCode.TERMINAL);
    }

    private static void line(StringBuilder out, String what, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "  %-13s ", what))
                .append(String.format(Locale.ROOT, format, args))
                .append('\n');
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
