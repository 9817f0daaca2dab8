package dev.ticketsync.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.query.QueryParser;
import dev.ticketsync.desktop.query.TicketQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryMixTest {

    private final List<String> queries = QueryMix.queries(200, 11);

    @Test
    void every_query_is_valid_in_the_lists_language() {
        assertThat(queries).hasSize(200);
        for (String query : queries) {
            QueryParser.Result parsed = QueryParser.parse(query);
            assertThat(parsed.ok()).as("'%s': %s", query, parsed.error()).isTrue();
        }
    }

    @Test
    void the_mix_has_pure_filters_pure_words_and_both() {
        List<TicketQuery> parsed =
                queries.stream().map(q -> QueryParser.parse(q).query()).toList();

        assertThat(parsed).anyMatch(q -> q.words().isEmpty() && !q.statuses().isEmpty());
        assertThat(parsed)
                .anyMatch(q -> !q.words().isEmpty()
                        && q.statuses().isEmpty()
                        && q.types().isEmpty());
        assertThat(parsed).anyMatch(q -> !q.words().isEmpty() && !q.statuses().isEmpty());
        assertThat(parsed).anyMatch(q -> !q.tags().isEmpty());
        assertThat(parsed).anyMatch(q -> q.words().contains("kubernetes"));
        assertThat(queries).contains("");
    }

    @Test
    void the_same_seed_gives_the_same_queries() {
        assertThat(QueryMix.queries(200, 11)).isEqualTo(queries);
        assertThat(QueryMix.queries(200, 12)).isNotEqualTo(queries);
    }
}
