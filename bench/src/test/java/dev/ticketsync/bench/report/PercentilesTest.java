package dev.ticketsync.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearest_rank_on_one_to_a_hundred_is_the_percentile_itself() {
        Percentiles p = Percentiles.of(
                IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());

        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.at(7)).isEqualTo(7);
        assertThat(p.at(1)).isEqualTo(1);
    }

    @Test
    void a_percentile_is_always_a_value_of_the_sample() {
        Percentiles p = Percentiles.of(5, 1, 3);

        assertThat(p.p50()).isEqualTo(3);
        assertThat(p.p95()).isEqualTo(5);
        assertThat(p.at(33)).isEqualTo(1);
        assertThat(p.at(34)).isEqualTo(3);
        assertThat(p.count()).isEqualTo(3);
    }

    @Test
    void the_p99_of_two_hundred_values_has_two_above_it() {
        double[] values = IntStream.range(0, 200).mapToDouble(i -> i).toArray();

        assertThat(Percentiles.of(values).p99()).isEqualTo(197);
    }

    @Test
    void one_value_is_every_percentile() {
        Percentiles p = Percentiles.of(42);

        assertThat(p.p50()).isEqualTo(42);
        assertThat(p.p99()).isEqualTo(42);
    }

    @Test
    void nanoseconds_are_reported_in_milliseconds() {
        Percentiles p = Percentiles.ofNanosAsMillis(new long[] {1_500_000, 2_000_000, 250_000});

        assertThat(p.p50()).isEqualTo(1.5);
        assertThat(p.at(100)).isEqualTo(2.0);
    }

    @Test
    void empty_samples_and_out_of_range_percentiles_are_refused() {
        assertThatThrownBy(Percentiles::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(1, 2).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(1, 2).at(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
