package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The query bar's Tab completion: whole-term suggestions for the last term, and the text with one accepted. */
class QueryCompletionTest {

    @Test
    void a_field_name_completes_with_its_colon() {
        assertThat(QueryCompletion.suggestions("tag:vpn sta")).containsExactly("status:");
        assertThat(QueryCompletion.accept("tag:vpn sta", "status:")).isEqualTo("tag:vpn status:");
    }

    @Test
    void a_value_completes_after_the_colon_and_after_a_comma() {
        assertThat(QueryCompletion.suggestions("status:o")).containsExactly("status:open", "status:on_hold");
        assertThat(QueryCompletion.suggestions("priority:p1,p"))
                .containsExactly("priority:p1,p2", "priority:p1,p3", "priority:p1,p4");
        assertThat(QueryCompletion.accept("vpn priority:p1,p", "priority:p1,p2"))
                .isEqualTo("vpn priority:p1,p2");
    }

    @Test
    void nothing_is_suggested_for_an_empty_last_term_free_words_or_a_finished_term() {
        assertThat(QueryCompletion.suggestions("status:open ")).isEmpty();
        assertThat(QueryCompletion.suggestions("\"login")).isEmpty();
        assertThat(QueryCompletion.suggestions("printer")).isEmpty();
        assertThat(QueryCompletion.suggestions("is:pending")).isEmpty();
    }
}
