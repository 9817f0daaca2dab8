package dev.ticketsync.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultTest {

    /** The keys issue 6 promises, in its order. */
    private static final List<String> ISSUE_KEYS = List.of(
            "tickets",
            "comments",
            "bootstrap_s",
            "bootstrap_rows_per_s",
            "raw_insert_rows_per_s",
            "push_mutations_per_s",
            "raw_server_insert_rows_per_s",
            "propagation_p50_ms",
            "propagation_p95_ms",
            "propagation_p99_ms",
            "health_rtt_p50_ms",
            "query_p50_ms",
            "query_p95_ms",
            "count_query_ms",
            "fanout_devices",
            "fanout_p99_ms",
            "fanout_errors",
            "catchup_changes",
            "catchup_s",
            "coldstart_s",
            "hello_jvm_s");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_full_run_has_exactly_the_issues_keys_in_order_all_numbers() throws Exception {
        BenchResult result = new BenchResult();
        for (ResultKey key : ResultKey.values()) {
            result.put(key, 1.5);
        }

        JsonNode line = json.readTree(result.toJsonLine());

        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(ISSUE_KEYS);
        line.forEach(value -> assertThat(value.isNumber()).isTrue());
    }

    @Test
    void skipped_scenarios_leave_their_keys_out() throws Exception {
        BenchResult result = new BenchResult().put(ResultKey.TICKETS, 10_000).put(ResultKey.QUERY_P95_MS, 12.345);

        JsonNode line = json.readTree(result.toJsonLine());

        assertThat(line.size()).isEqualTo(2);
        assertThat(line.has("bootstrap_s")).isFalse();
        assertThat(result.has(ResultKey.BOOTSTRAP_S)).isFalse();
        assertThat(result.get(ResultKey.BOOTSTRAP_S)).isEmpty();
    }

    @Test
    void counts_and_rates_are_whole_times_keep_their_precision() throws Exception {
        BenchResult result = new BenchResult()
                .put(ResultKey.PUSH_MUTATIONS_PER_S, 12_345.6)
                .put(ResultKey.FANOUT_ERRORS, 0)
                .put(ResultKey.PROPAGATION_P50_MS, 3.14159)
                .put(ResultKey.BOOTSTRAP_S, 9.87654)
                .put(ResultKey.COUNT_QUERY_MS, 0.004321);

        JsonNode line = json.readTree(result.toJsonLine());

        assertThat(line.get("push_mutations_per_s").isIntegralNumber()).isTrue();
        assertThat(line.get("push_mutations_per_s").asLong()).isEqualTo(12_346);
        assertThat(line.get("fanout_errors").asLong()).isZero();
        assertThat(line.get("propagation_p50_ms").asDouble()).isEqualTo(3.14);
        assertThat(line.get("bootstrap_s").asDouble()).isEqualTo(9.877);
        assertThat(line.get("count_query_ms").asDouble()).isEqualTo(0.004);
        assertThat(result.toJsonLine()).doesNotContain("\n");
    }

    @Test
    void not_a_number_is_refused_with_the_key() {
        assertThatThrownBy(() -> new BenchResult().put(ResultKey.QUERY_P50_MS, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query_p50_ms");
    }

    @Test
    void the_file_holds_the_same_line(@TempDir Path dir) throws Exception {
        BenchResult result = new BenchResult().put(ResultKey.TICKETS, 7);
        Path file = dir.resolve("target").resolve("bench-result.json");

        result.writeTo(file);

        assertThat(Files.readString(file)).isEqualTo(result.toJsonLine() + "\n");
    }
}
