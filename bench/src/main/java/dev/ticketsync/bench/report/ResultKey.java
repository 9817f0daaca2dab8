package dev.ticketsync.bench.report;

/**
 * Every figure the bench reports, in the order of the JSON line (issue 6): the JSON name and how many decimals it is
 * rounded to (counts and rates whole, milliseconds to a hundredth — the sub-millisecond COUNT(*) to a
 * microsecond — and seconds to a millisecond).
 */
public enum ResultKey {
    TICKETS("tickets", 0),
    COMMENTS("comments", 0),
    BOOTSTRAP_S("bootstrap_s", 3),
    BOOTSTRAP_ROWS_PER_S("bootstrap_rows_per_s", 0),
    RAW_INSERT_ROWS_PER_S("raw_insert_rows_per_s", 0),
    PUSH_MUTATIONS_PER_S("push_mutations_per_s", 0),
    RAW_SERVER_INSERT_ROWS_PER_S("raw_server_insert_rows_per_s", 0),
    PROPAGATION_P50_MS("propagation_p50_ms", 2),
    PROPAGATION_P95_MS("propagation_p95_ms", 2),
    PROPAGATION_P99_MS("propagation_p99_ms", 2),
    HEALTH_RTT_P50_MS("health_rtt_p50_ms", 2),
    QUERY_P50_MS("query_p50_ms", 2),
    QUERY_P95_MS("query_p95_ms", 2),
    COUNT_QUERY_MS("count_query_ms", 3),
    FANOUT_DEVICES("fanout_devices", 0),
    FANOUT_P99_MS("fanout_p99_ms", 2),
    FANOUT_ERRORS("fanout_errors", 0),
    CATCHUP_CHANGES("catchup_changes", 0),
    CATCHUP_S("catchup_s", 3),
    COLDSTART_S("coldstart_s", 3),
    HELLO_JVM_S("hello_jvm_s", 3);

    private final String json;
    private final int decimals;

    ResultKey(String json, int decimals) {
        this.json = json;
        this.decimals = decimals;
    }

    public String json() {
        return json;
    }

    public int decimals() {
        return decimals;
    }
}
