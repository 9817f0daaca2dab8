package dev.ticketsync.bench.env;

import java.lang.management.ManagementFactory;

/**
 * CPU seconds this JVM has used: printed next to wall-clock times, so a reader can tell a slow step from a machine
 * shared with other work (wall time far above CPU time on 2 cores means the bench waited for a core).
 */
public final class ProcessCpu {

    private ProcessCpu() {}

    public static double seconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The machine's load average over the last minute (runnable processes; above the core count means waiting). */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
