package dev.ticketsync.desktop.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The query bar's language: what each term means, what it matches, how mistakes are explained, what it completes. */
class QueryParserTest {

    private static final UUID PENDING_ID = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final TicketQuery.Context ALICE = new TicketQuery.Context("alice", Set.of(PENDING_ID));

    /** A ticket like the list shows: OPS-12, open, P3, unassigned, unless {@code change} says otherwise. */
    private static Ticket ticket(UnaryOperator<Ticket.Builder> change) {
        return change.apply(Ticket.builder()
                        .id(UUID.randomUUID())
                        .key("OPS-12")
                        .title("Printer on floor 3 jams")
                        .description("Paper tray two is stuck since Monday.")
                        .status(Status.NEW)
                        .priority(Priority.P3)
                        .type(TicketType.INCIDENT)
                        .reporter("bob"))
                .build();
    }

    private static TicketQuery query(String text) {
        QueryParser.Result result = QueryParser.parse(text);
        assertThat(result.ok()).as("'%s' parses, but: %s", text, result.error()).isTrue();
        return result.query();
    }

    private static boolean matches(String text, Ticket ticket) {
        return query(text).matches(ticket, ALICE);
    }

    @Nested
    class The_full_example {

        private final TicketQuery query =
                query("status:open assignee:me priority:p1,p2 tag:vpn is:pending \"login fails\"");

        @Test
        void reads_every_term_into_the_query() {
            assertThat(query.statuses()).isEqualTo(Status.OPEN);
            assertThat(query.assignees()).containsExactly("me");
            assertThat(query.priorities()).containsExactlyInAnyOrder(Priority.P1, Priority.P2);
            assertThat(query.tags()).containsExactly("vpn");
            assertThat(query.pendingOnly()).isTrue();
            assertThat(query.words()).containsExactly("login fails");
        }

        @Test
        void matches_only_a_ticket_that_meets_every_term() {
            Ticket fits = ticket(t -> t.id(PENDING_ID)
                    .title("VPN login fails after update")
                    .status(Status.IN_PROGRESS)
                    .assignee("alice")
                    .priority(Priority.P2)
                    .tags(Set.of("vpn", "network")));
            assertThat(query.matches(fits, ALICE)).isTrue();

            assertThat(query.matches(fits.toBuilder().status(Status.RESOLVED).build(), ALICE))
                    .as("resolved is not open")
                    .isFalse();
            assertThat(query.matches(fits.toBuilder().assignee("bob").build(), ALICE))
                    .as("assigned to bob, not me")
                    .isFalse();
            assertThat(query.matches(fits.toBuilder().priority(Priority.P3).build(), ALICE))
                    .isFalse();
            assertThat(query.matches(fits.toBuilder().tags(Set.of("network")).build(), ALICE))
                    .isFalse();
            assertThat(query.matches(fits.toBuilder().id(UUID.randomUUID()).build(), ALICE))
                    .as("synced, so not pending")
                    .isFalse();
            assertThat(query.matches(
                            fits.toBuilder().title("VPN fails at login").build(), ALICE))
                    .as("the quoted phrase must appear as written")
                    .isFalse();
        }

        @Test
        void an_empty_query_matches_everything() {
            assertThat(matches("", ticket(t -> t))).isTrue();
            assertThat(matches("   ", ticket(t -> t.status(Status.CANCELLED)))).isTrue();
        }
    }

    @Nested
    class Each_field {

        @Test
        void status_takes_a_workflow_status_or_open_or_closed() {
            Ticket inProgress = ticket(t -> t.status(Status.IN_PROGRESS));
            Ticket resolved = ticket(t -> t.status(Status.RESOLVED));
            Ticket cancelled = ticket(t -> t.status(Status.CANCELLED));
            assertThat(matches("status:in_progress", inProgress)).isTrue();
            assertThat(matches("status:new", inProgress)).isFalse();
            assertThat(matches("status:open", inProgress)).isTrue();
            assertThat(matches("status:open", resolved)).isFalse();
            assertThat(matches("status:closed", resolved)).isTrue();
            assertThat(matches("status:done", cancelled)).isTrue();
            assertThat(matches("status:closed", inProgress)).isFalse();
        }

        @Test
        void assignee_takes_me_a_login_or_none() {
            Ticket mine = ticket(t -> t.assignee("alice"));
            Ticket bobs = ticket(t -> t.assignee("bob"));
            Ticket nobodys = ticket(t -> t);
            assertThat(matches("assignee:me", mine)).isTrue();
            assertThat(matches("assignee:me", bobs)).isFalse();
            assertThat(matches("assignee:bob", bobs)).isTrue();
            assertThat(matches("assignee:none", nobodys)).isTrue();
            assertThat(matches("assignee:none", mine)).isFalse();
            assertThat(matches("is:unassigned", nobodys)).isTrue();
            assertThat(matches("is:unassigned", bobs)).isFalse();
        }

        @Test
        void priority_takes_p1_to_p4() {
            Ticket p1 = ticket(t -> t.priority(Priority.P1));
            assertThat(matches("priority:p1", p1)).isTrue();
            assertThat(matches("priority:p4", p1)).isFalse();
        }

        @Test
        void tag_matches_any_tag_of_the_ticket() {
            Ticket vpn = ticket(t -> t.tags(Set.of("network", "vpn")));
            assertThat(matches("tag:vpn", vpn)).isTrue();
            assertThat(matches("tag:network", vpn)).isTrue();
            assertThat(matches("tag:printer", vpn)).isFalse();
        }

        @Test
        void type_takes_incident_request_problem_or_task() {
            Ticket incident = ticket(t -> t.type(TicketType.INCIDENT));
            assertThat(matches("type:incident", incident)).isTrue();
            assertThat(matches("type:task", incident)).isFalse();
        }

        @Test
        void is_pending_keeps_only_tickets_with_unsynced_changes() {
            assertThat(matches("is:pending", ticket(t -> t.id(PENDING_ID)))).isTrue();
            assertThat(matches("is:pending", ticket(t -> t))).isFalse();
        }

        @Test
        void field_names_and_values_ignore_case() {
            Ticket p1 = ticket(t -> t.priority(Priority.P1).status(Status.IN_PROGRESS));
            assertThat(matches("Priority:P1 STATUS:In_Progress", p1)).isTrue();
        }
    }

    @Nested
    class Alternatives_and_words {

        @Test
        void values_separated_by_commas_are_alternatives() {
            assertThat(query("status:new,triaged").statuses()).containsExactlyInAnyOrder(Status.NEW, Status.TRIAGED);
            assertThat(matches("status:new,triaged", ticket(t -> t.status(Status.TRIAGED))))
                    .isTrue();
            assertThat(matches("status:new,triaged", ticket(t -> t.status(Status.WAITING))))
                    .isFalse();
            assertThat(matches("priority:p1,p2", ticket(t -> t.priority(Priority.P2))))
                    .isTrue();
            assertThat(matches("assignee:me,none", ticket(t -> t))).isTrue();
            assertThat(matches("assignee:me,none", ticket(t -> t.assignee("alice"))))
                    .isTrue();
            assertThat(matches("assignee:me,none", ticket(t -> t.assignee("bob"))))
                    .isFalse();
            assertThat(matches("tag:vpn,wifi", ticket(t -> t.tags(Set.of("wifi")))))
                    .isTrue();
        }

        @Test
        void different_fields_must_all_match() {
            Ticket p1New = ticket(t -> t.priority(Priority.P1));
            assertThat(matches("priority:p1 status:new", p1New)).isTrue();
            assertThat(matches("priority:p1 status:triaged", p1New)).isFalse();
        }

        @Test
        void free_words_match_key_title_and_description_ignoring_case() {
            Ticket printer = ticket(t -> t);
            assertThat(matches("PRINTER", printer)).as("title").isTrue();
            assertThat(matches("tray", printer)).as("description").isTrue();
            assertThat(matches("ops-12", printer)).as("key").isTrue();
            assertThat(matches("printer monday", printer))
                    .as("every word, anywhere")
                    .isTrue();
            assertThat(matches("printer scanner", printer)).isFalse();
        }

        @Test
        void a_free_word_finds_a_ticket_without_a_description() {
            assertThat(matches("printer", ticket(t -> t.description(null)))).isTrue();
        }

        @Test
        void a_provisional_key_can_be_searched_for() {
            Ticket offline = ticket(t -> t.key(null));
            String provisional = offline.displayKey();
            assertThat(provisional).startsWith("OPS-?");
            assertThat(matches(provisional, offline)).isTrue();
        }

        @Test
        void a_quoted_phrase_is_one_term_matched_as_written() {
            assertThat(query("\"floor 3 jams\" printer").words()).containsExactly("floor 3 jams", "printer");
            assertThat(matches("\"Floor 3 Jams\"", ticket(t -> t))).isTrue();
            assertThat(matches("\"jams floor\"", ticket(t -> t))).isFalse();
            assertThat(query("\"status:new\"").statuses())
                    .as("a field inside quotes is just text")
                    .isEmpty();
        }
    }

    @Nested
    class Mistakes_are_explained_with_their_position {

        @Test
        void an_unknown_field_names_the_known_ones() {
            QueryParser.Result result = QueryParser.parse("tag:vpn state:open");
            assertThat(result.ok()).isFalse();
            assertThat(result.query()).isNull();
            assertThat(result.error()).contains("state").contains("status, assignee, priority, tag, type, is");
            assertThat(result.errorAt()).isEqualTo(8);
        }

        @Test
        void an_unknown_priority_names_the_valid_ones() {
            QueryParser.Result result = QueryParser.parse("status:open priority:p9");
            assertThat(result.ok()).isFalse();
            assertThat(result.error()).contains("p9").contains("p1, p2, p3, p4");
            assertThat(result.errorAt()).isEqualTo(12);
        }

        @Test
        void a_wrong_alternative_is_caught_too() {
            QueryParser.Result result = QueryParser.parse("priority:p1,p7");
            assertThat(result.error()).contains("p7");
            assertThat(result.errorAt()).isZero();
        }

        @Test
        void an_unknown_status_type_or_is_value_names_the_valid_ones() {
            assertThat(QueryParser.parse("status:doing").error())
                    .contains("doing")
                    .contains("open")
                    .contains("in_progress");
            assertThat(QueryParser.parse("type:bug").error()).contains("bug").contains("incident, request");
            assertThat(QueryParser.parse("is:urgent").error())
                    .contains("urgent")
                    .contains("pending");
        }

        @Test
        void an_unclosed_quote_points_at_the_quote() {
            QueryParser.Result result = QueryParser.parse("status:open \"login fails");
            assertThat(result.ok()).isFalse();
            assertThat(result.error()).containsIgnoringCase("quote");
            assertThat(result.errorAt()).isEqualTo(12);
        }

        @Test
        void a_field_without_a_value_says_it_needs_one() {
            QueryParser.Result result = QueryParser.parse("priority:p1 status:");
            assertThat(result.ok()).isFalse();
            assertThat(result.error()).contains("status").contains("needs a value");
            assertThat(result.errorAt()).isEqualTo(12);
        }

        @Test
        void a_good_query_has_no_error() {
            QueryParser.Result result = QueryParser.parse("status:open");
            assertThat(result.ok()).isTrue();
            assertThat(result.error()).isNull();
        }
    }

    @Nested
    class Completion {

        @Test
        void completes_a_field_name_with_its_colon() {
            assertThat(QueryParser.complete("sta")).containsExactly("status:");
            assertThat(QueryParser.complete("t")).containsExactly("tag:", "type:");
            assertThat(QueryParser.complete("")).hasSize(QueryParser.FIELDS.size());
            assertThat(QueryParser.complete("xyz")).isEmpty();
        }

        @Test
        void completes_a_status_value() {
            assertThat(QueryParser.complete("status:in")).containsExactly("in_progress");
            assertThat(QueryParser.complete("status:o")).containsExactly("open", "on_hold");
        }

        @Test
        void offers_each_value_once() {
            assertThat(QueryParser.complete("status:")).doesNotHaveDuplicates();
            assertThat(QueryParser.complete("status:c")).containsExactly("closed", "cancelled");
        }

        @Test
        void completes_the_alternative_being_typed_after_a_comma() {
            assertThat(QueryParser.complete("priority:p1,p")).containsExactly("p1", "p2", "p3", "p4");
            assertThat(QueryParser.complete("status:new,tr")).containsExactly("triaged");
        }

        @Test
        void completes_assignee_is_and_type_values() {
            assertThat(QueryParser.complete("assignee:")).containsExactly("me", "none");
            assertThat(QueryParser.complete("is:p")).containsExactly("pending");
            assertThat(QueryParser.complete("type:")).containsExactly("incident", "request", "problem", "task");
        }

        @Test
        void every_completed_value_parses() {
            for (String field : List.of("status", "priority", "type", "assignee", "is")) {
                for (String value : QueryParser.complete(field + ":")) {
                    assertThat(QueryParser.parse(field + ":" + value).ok())
                            .as("%s:%s", field, value)
                            .isTrue();
                }
            }
        }

        @Test
        void completion_ignores_case_like_the_parser_does() {
            assertThat(QueryParser.parse("Status:IN_PROGRESS").ok()).isTrue();
            assertThat(QueryParser.complete("STA")).containsExactly("status:");
            assertThat(QueryParser.complete("Status:in")).containsExactly("in_progress");
            assertThat(QueryParser.complete("status:IN")).containsExactly("in_progress");
        }
    }
}
