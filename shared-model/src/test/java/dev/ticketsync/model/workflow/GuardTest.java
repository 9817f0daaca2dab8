package dev.ticketsync.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Plan;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each guard of DESIGN.md §3 failing and passing, and what the app is offered because of them. */
class GuardTest {

    private static final Workflow WORKFLOW = Workflow.standard();
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final UUID BLOCKER_1 = UUID.fromString("0190d5a0-0000-7000-8000-000000000007");
    private static final UUID BLOCKER_2 = UUID.fromString("0190d5a0-0000-7000-8000-000000000008");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Actor ANN = new Actor("ann", Role.AGENT);
    private static final Actor BOB = new Actor("bob", Role.AGENT);
    private static final Actor LEE = new Actor("lee", Role.LEAD);

    /** Reported by ann, assigned to bob, unblocked, without a plan: passes every state guard. */
    private static Ticket.Builder ticket(Status status) {
        return Ticket.builder()
                .id(ID)
                .key("OPS-42")
                .title("VPN drops every hour")
                .status(status)
                .reporter("ann")
                .assignee("bob")
                .updatedBy("ann")
                .version(3);
    }

    private static Rejection rejected(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Rejection.class);
        return (Rejection) outcome;
    }

    private static Ticket applied(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Applied.class);
        return ((Applied) outcome).ticket();
    }

    @Test
    void work_cannot_start_without_an_assignee() {
        Ticket unassigned = ticket(Status.TRIAGED).assignee(null).build();

        Rejection rejection = rejected(WORKFLOW.apply(unassigned, Transition.to(ID, Status.IN_PROGRESS), BOB, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("OPS-42 needs an assignee before work can start");
        assertThat(rejection.field()).isNull();
    }

    @Test
    void work_starts_once_someone_is_assigned() {
        Ticket assigned = ticket(Status.TRIAGED).build();

        assertThat(applied(WORKFLOW.apply(assigned, Transition.to(ID, Status.IN_PROGRESS), BOB, NOW))
                        .status())
                .isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void work_cannot_start_while_one_blocker_is_unresolved() {
        Ticket blocked = ticket(Status.TRIAGED).blockedBy(Set.of(BLOCKER_1)).build();

        Rejection rejection = rejected(WORKFLOW.apply(blocked, Transition.to(ID, Status.IN_PROGRESS), BOB, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("OPS-42 is blocked by 1 unresolved ticket");
    }

    @Test
    void the_blocker_message_counts_every_unresolved_blocker() {
        Ticket blocked =
                ticket(Status.WAITING).blockedBy(Set.of(BLOCKER_1, BLOCKER_2)).build();

        Rejection rejection = rejected(WORKFLOW.apply(blocked, Transition.to(ID, Status.IN_PROGRESS), BOB, NOW));

        assertThat(rejection.message()).isEqualTo("OPS-42 is blocked by 2 unresolved tickets");
    }

    @Test
    void the_assignee_guard_is_checked_before_the_blocker_guard() {
        Ticket both = ticket(Status.TRIAGED)
                .assignee(null)
                .blockedBy(Set.of(BLOCKER_1))
                .build();

        Rejection rejection = rejected(WORKFLOW.apply(both, Transition.to(ID, Status.IN_PROGRESS), BOB, NOW));

        assertThat(rejection.message()).contains("needs an assignee");
    }

    @Test
    void a_reopen_must_pass_the_in_progress_guards_too() {
        Ticket resolved =
                ticket(Status.RESOLVED).resolution("Fixed").assignee(null).build();

        Rejection rejection = rejected(WORKFLOW.apply(resolved, Transition.to(ID, Status.IN_PROGRESS), LEE, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("OPS-42 needs an assignee before work can start");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void resolving_needs_a_resolution(String resolution) {
        Transition resolve = new Transition(ID, Status.RESOLVED, resolution, "a reason is not a resolution");

        Rejection rejection = rejected(WORKFLOW.apply(ticket(Status.IN_PROGRESS).build(), resolve, BOB, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("Resolving OPS-42 needs a resolution");
        assertThat(rejection.field()).isEqualTo("resolution");
    }

    @Test
    void resolving_with_a_resolution_passes() {
        Transition resolve = new Transition(ID, Status.RESOLVED, "Replaced the router", null);

        Ticket resolved = applied(WORKFLOW.apply(ticket(Status.IN_PROGRESS).build(), resolve, BOB, NOW));

        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo("Replaced the router");
    }

    @Test
    void resolving_needs_every_plan_stage_completed() {
        Plan plan = new Plan(List.of("diagnose", "fix", "verify"), 0);
        Ticket planned = ticket(Status.IN_PROGRESS).plan(plan).build();
        Transition resolve = new Transition(ID, Status.RESOLVED, "Replaced the router", null);

        Rejection rejection = rejected(WORKFLOW.apply(planned, resolve, BOB, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("OPS-42 has 2 plan stages still to complete");
        assertThat(rejection.field()).isNull();
    }

    @Test
    void the_plan_message_speaks_of_one_stage_in_the_singular() {
        Ticket planned = ticket(Status.IN_PROGRESS)
                .plan(new Plan(List.of("diagnose", "fix"), 0))
                .build();

        Rejection rejection =
                rejected(WORKFLOW.apply(planned, new Transition(ID, Status.RESOLVED, "Done", null), BOB, NOW));

        assertThat(rejection.message()).isEqualTo("OPS-42 has 1 plan stage still to complete");
    }

    @Test
    void resolving_passes_once_the_plan_is_complete() {
        Ticket planned = ticket(Status.IN_PROGRESS)
                .plan(new Plan(List.of("diagnose", "fix"), 1))
                .build();

        Ticket resolved = applied(WORKFLOW.apply(planned, new Transition(ID, Status.RESOLVED, "Done", null), BOB, NOW));

        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cancel_needs_a_reason(String reason) {
        Transition cancel = new Transition(ID, Status.CANCELLED, "a resolution is not a reason", reason);

        Rejection rejection = rejected(WORKFLOW.apply(ticket(Status.NEW).build(), cancel, ANN, NOW));

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.message()).isEqualTo("Cancelling OPS-42 needs a reason");
        assertThat(rejection.field()).isEqualTo("reason");
    }

    @Test
    void cancel_with_a_reason_records_it() {
        Transition cancel = new Transition(ID, Status.CANCELLED, null, "Duplicate of OPS-7");

        Ticket cancelled = applied(WORKFLOW.apply(ticket(Status.NEW).build(), cancel, ANN, NOW));

        assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Duplicate of OPS-7");
    }

    @Test
    void guards_are_attached_to_the_statuses_of_the_design() {
        TransitionTable table = TransitionTable.standard();

        assertThat(table.guardsInto(Status.IN_PROGRESS)).containsExactly(Guard.HAS_ASSIGNEE, Guard.NOT_BLOCKED);
        assertThat(table.guardsInto(Status.RESOLVED)).containsExactly(Guard.RESOLUTION_GIVEN, Guard.PLAN_COMPLETE);
        assertThat(table.guardsInto(Status.CANCELLED)).containsExactly(Guard.REASON_GIVEN);
        for (Status other : List.of(Status.NEW, Status.TRIAGED, Status.WAITING, Status.ON_HOLD, Status.CLOSED)) {
            assertThat(table.guardsInto(other)).as("guards into %s", other).isEmpty();
        }
    }

    @Test
    void only_the_resolution_and_the_reason_are_input_guards() {
        assertThat(Guard.RESOLUTION_GIVEN.isInput()).isTrue();
        assertThat(Guard.REASON_GIVEN.isInput()).isTrue();
        assertThat(Guard.HAS_ASSIGNEE.isInput()).isFalse();
        assertThat(Guard.NOT_BLOCKED.isInput()).isFalse();
        assertThat(Guard.PLAN_COMPLETE.isInput()).isFalse();
    }

    @Test
    void in_progress_is_not_offered_without_an_assignee() {
        Ticket unassigned = ticket(Status.TRIAGED).assignee(null).build();

        assertThat(WORKFLOW.allowedTransitions(unassigned, ANN))
                .containsExactlyInAnyOrder(Status.WAITING, Status.ON_HOLD, Status.RESOLVED, Status.CANCELLED);
    }

    @Test
    void in_progress_is_not_offered_while_blocked() {
        Ticket blocked = ticket(Status.WAITING).blockedBy(Set.of(BLOCKER_1)).build();

        assertThat(WORKFLOW.allowedTransitions(blocked, LEE))
                .containsExactlyInAnyOrder(Status.RESOLVED, Status.CANCELLED);
    }

    @Test
    void resolved_is_not_offered_while_the_plan_is_incomplete() {
        Ticket planned =
                ticket(Status.WAITING).plan(Plan.of(List.of("diagnose"))).build();

        assertThat(WORKFLOW.allowedTransitions(planned, LEE))
                .containsExactlyInAnyOrder(Status.IN_PROGRESS, Status.CANCELLED);
    }

    @Test
    void input_guards_do_not_hide_a_transition_because_the_app_asks_for_the_input() {
        Ticket ticket = ticket(Status.IN_PROGRESS).build();

        assertThat(WORKFLOW.allowedTransitions(ticket, ANN)).contains(Status.RESOLVED, Status.CANCELLED);
    }

    @Test
    void an_agent_is_not_offered_a_reopen_but_a_lead_is() {
        Ticket resolved = ticket(Status.RESOLVED).resolution("Fixed").build();

        assertThat(WORKFLOW.allowedTransitions(resolved, BOB)).containsExactly(Status.CLOSED);
        assertThat(WORKFLOW.allowedTransitions(resolved, LEE))
                .containsExactlyInAnyOrder(Status.CLOSED, Status.IN_PROGRESS);
    }

    @Test
    void an_agent_is_offered_cancel_only_on_a_ticket_they_reported() {
        Ticket reportedByAnn = ticket(Status.NEW).build();

        assertThat(WORKFLOW.allowedTransitions(reportedByAnn, BOB))
                .containsExactlyInAnyOrder(Status.TRIAGED, Status.IN_PROGRESS);
        assertThat(WORKFLOW.allowedTransitions(reportedByAnn, ANN))
                .containsExactlyInAnyOrder(Status.TRIAGED, Status.IN_PROGRESS, Status.CANCELLED);
        assertThat(WORKFLOW.allowedTransitions(reportedByAnn, LEE))
                .containsExactlyInAnyOrder(Status.TRIAGED, Status.IN_PROGRESS, Status.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"CLOSED", "CANCELLED"})
    void nothing_is_offered_on_a_terminal_ticket_even_to_an_admin(Status terminal) {
        Ticket ticket = ticket(terminal).build();

        assertThat(WORKFLOW.allowedTransitions(ticket, new Actor("root", Role.ADMIN)))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void the_app_is_offered_exactly_the_transitions_the_workflow_accepts_when_inputs_are_given(Status from) {
        Ticket ticket = ticket(from).resolution("Fixed").build();
        for (Actor actor : List.of(ANN, BOB, LEE)) {
            Set<Status> offered = WORKFLOW.allowedTransitions(ticket, actor);
            for (Status to : Status.values()) {
                Outcome outcome = WORKFLOW.apply(ticket, new Transition(ID, to, "Fixed", "Not needed"), actor, NOW);
                assertThat(outcome instanceof Applied)
                        .as("%s -> %s by %s, offered %s: %s", from, to, actor.login(), offered, outcome)
                        .isEqualTo(offered.contains(to));
            }
        }
    }
}
