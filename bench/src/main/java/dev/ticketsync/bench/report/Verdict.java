package dev.ticketsync.bench.report;

/** How a figure stands against its DESIGN.md §9 target. */
public enum Verdict {
    PASS("pass"),
    MISS("MISS"),
    SKIPPED("skipped");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Verdict of(boolean met) {
        return met ? PASS : MISS;
    }
}
