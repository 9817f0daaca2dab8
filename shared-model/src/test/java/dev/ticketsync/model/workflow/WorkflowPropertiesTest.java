package dev.ticketsync.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CompleteStage;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.LinkBlocker;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.UnlinkBlocker;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of commands by random staff, run through the workflow the way a replica and the server do: they
 * never move a ticket along a pair the table forbids, terminal tickets stay terminal, and apply is deterministic.
 */
class WorkflowPropertiesTest {

    private static final Workflow WORKFLOW = Workflow.standard();
    private static final TransitionTable TABLE = TransitionTable.standard();
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final List<UUID> BLOCKERS = List.of(
            UUID.fromString("0190d5a0-0000-7000-8000-000000000007"),
            UUID.fromString("0190d5a0-0000-7000-8000-000000000008"));
    private static final List<Actor> ACTORS =
            List.of(new Actor("ann", Role.AGENT), new Actor("bob", Role.AGENT), new Actor("lee", Role.LEAD));
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    /** One random step: what kind of command, by which actor, and its arguments. */
    record Step(
            int kind, int actor, Status to, int pick, boolean withResolution, boolean withReason, Priority priority) {}

    /** A ticket created by one of the actors (so later steps are sometimes by its reporter), then the steps. */
    record Scenario(int reporter, boolean assigned, int planStages, List<Step> steps) {}

    /** One command applied: the ticket before, what was asked, by whom, when, and what came of it. */
    record Turn(Ticket before, Command command, Actor actor, Instant now, Outcome outcome) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Step> step = Combinators.combine(
                        uniform(0, 12),
                        uniform(0, ACTORS.size() - 1),
                        Arbitraries.of(Status.class),
                        uniform(0, 5),
                        uniform(0, 3).map(n -> n > 0),
                        uniform(0, 3).map(n -> n == 0),
                        Arbitraries.of(Priority.class))
                .as(Step::new);
        return Combinators.combine(
                        uniform(0, ACTORS.size() - 1),
                        Arbitraries.of(true, false),
                        uniform(0, 3),
                        step.list().ofMinSize(4).ofMaxSize(50).withSizeDistribution(RandomDistribution.uniform()))
                .as(Scenario::new);
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    /**
     * Transitions make up 5 of 13 kinds: two to any status (mostly illegal), three to a status the table lists for the
     * current one (so tickets get deep into the workflow), with a resolution 3 times in 4 and a reason 1 time in 4;
     * the other kinds assign, edit the priority, link and unlink blockers, complete stages, comment, tag and watch.
     */
    private static Command command(Step step, int index, Ticket current) {
        List<Status> targets = List.copyOf(TABLE.targets(current.status()));
        Status to = step.kind() <= 1 || targets.isEmpty() ? step.to() : targets.get(step.pick() % targets.size());
        return switch (step.kind()) {
            case 0, 1, 2, 3, 4 ->
                new Transition(
                        ID,
                        to,
                        step.withResolution() ? "Replaced the router" : null,
                        step.withReason() ? "No longer needed" : null);
            case 5 ->
                new Assign(
                        ID,
                        step.pick() >= ACTORS.size()
                                ? null
                                : ACTORS.get(step.pick()).login());
            case 6 ->
                EditFields.of(
                        ID, EditableField.PRIORITY, FieldEdit.to(step.priority().wire()));
            case 7 -> new LinkBlocker(ID, BLOCKERS.get(step.pick() % 2));
            case 8 -> new UnlinkBlocker(ID, BLOCKERS.get(step.pick() % 2));
            case 9 -> new CompleteStage(ID, step.pick() % 4, null, null);
            case 10 -> new AddComment(new UUID(0, index + 1L), ID, "Note " + index, null);
            case 11 -> new AddTags(ID, List.of("tag-" + step.pick()));
            default -> new Watch(ID, null);
        };
    }

    private static List<Turn> play(Scenario scenario) {
        List<String> plan = scenario.planStages() == 0
                ? null
                : IntStream.range(0, scenario.planStages())
                        .mapToObj(i -> "stage " + i)
                        .toList();
        String assignee = scenario.assigned() ? "bob" : null;
        CreateTicket create = new CreateTicket(ID, "Random ticket", null, null, null, null, assignee, null, plan, null);
        Ticket ticket = ((Applied) WORKFLOW.apply(null, create, ACTORS.get(scenario.reporter()), START)).ticket();
        List<Turn> turns = new ArrayList<>();
        Instant now = START;
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            now = now.plusSeconds(60);
            Command command = command(step, i, ticket);
            Actor actor = ACTORS.get(step.actor());
            Outcome outcome = WORKFLOW.apply(ticket, command, actor, now);
            turns.add(new Turn(ticket, command, actor, now, outcome));
            if (outcome instanceof Applied applied) {
                ticket = applied.ticket();
            }
        }
        return turns;
    }

    private static Ticket last(List<Turn> turns) {
        Turn turn = turns.get(turns.size() - 1);
        return turn.outcome() instanceof Applied applied ? applied.ticket() : turn.before();
    }

    @Property(tries = 300)
    void no_sequence_of_commands_moves_a_ticket_along_a_pair_the_table_does_not_allow(
            @ForAll("scenarios") Scenario scenario) {
        List<Turn> turns = play(scenario);
        for (Turn turn : turns) {
            if (turn.outcome() instanceof Applied applied) {
                Status from = turn.before().status();
                Status to = applied.ticket().status();
                if (turn.command() instanceof Transition transition) {
                    assertThat(to).isEqualTo(transition.to());
                    assertThat(TABLE.allows(from, to))
                            .as("%s -> %s was accepted", from, to)
                            .isTrue();
                } else {
                    assertThat(to).as("status after %s", turn.command()).isEqualTo(from);
                }
            }
        }
        Statistics.label("final status").collect(last(turns).status());
        Statistics.label("final status").coverage(coverage -> {
            coverage.check(Status.CLOSED).count(n -> n > 0);
            coverage.check(Status.CANCELLED).count(n -> n > 0);
            coverage.check(Status.IN_PROGRESS).count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void every_status_entered_meets_the_guards_and_roles_of_entering_it(@ForAll("scenarios") Scenario scenario) {
        for (Turn turn : play(scenario)) {
            if (!(turn.outcome() instanceof Applied applied)
                    || applied.ticket().status() == turn.before().status()) {
                continue;
            }
            Ticket before = turn.before();
            Ticket after = applied.ticket();
            Statistics.label("entered").collect(after.status());
            boolean isAgent = turn.actor().role() == Role.AGENT;
            switch (after.status()) {
                case IN_PROGRESS -> {
                    assertThat(before.assignee())
                            .as("assignee when work started")
                            .isNotNull();
                    assertThat(before.blockedBy())
                            .as("blockers when work started")
                            .isEmpty();
                    if (before.status() == Status.RESOLVED) {
                        assertThat(isAgent).as("an agent reopened").isFalse();
                        assertThat(after.resolution()).isNull();
                    }
                }
                case RESOLVED -> {
                    assertThat(after.resolution()).isNotBlank();
                    assertThat(before.plan() == null || before.plan().isComplete())
                            .as("plan complete when resolved")
                            .isTrue();
                }
                case CANCELLED -> {
                    assertThat(after.cancelReason()).isNotBlank();
                    if (isAgent) {
                        assertThat(turn.actor().login()).isEqualTo(before.reporter());
                    }
                }
                case CLOSED -> assertThat(before.status()).isEqualTo(Status.RESOLVED);
                default -> {}
            }
        }
        Statistics.label("entered").coverage(coverage -> {
            for (Status guarded : List.of(Status.IN_PROGRESS, Status.RESOLVED, Status.CANCELLED, Status.CLOSED)) {
                coverage.check(guarded).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 300)
    void terminal_tickets_stay_terminal(@ForAll("scenarios") Scenario scenario) {
        boolean reachedTerminal = false;
        for (Turn turn : play(scenario)) {
            if (!turn.before().status().isTerminal()) {
                continue;
            }
            reachedTerminal = true;
            if (turn.outcome() instanceof Applied applied) {
                assertThat(turn.command()).isInstanceOfAny(AddComment.class, Watch.class);
                assertThat(applied.ticket()).isEqualTo(turn.before());
            } else {
                assertThat(((Rejection) turn.outcome()).code()).isIn(ErrorCode.TERMINAL, ErrorCode.FORBIDDEN);
            }
        }
        Statistics.label("reached a terminal status").collect(reachedTerminal);
        Statistics.label("reached a terminal status")
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
    }

    @Property(tries = 300)
    void applying_the_same_command_to_the_same_ticket_actor_and_time_gives_the_same_result(
            @ForAll("scenarios") Scenario scenario) {
        Workflow another = new Workflow(TransitionTable.standard());
        for (Turn turn : play(scenario)) {
            Ticket copy = turn.before().toBuilder().build();

            assertThat(WORKFLOW.apply(turn.before(), turn.command(), turn.actor(), turn.now()))
                    .isEqualTo(turn.outcome());
            assertThat(another.apply(copy, turn.command(), turn.actor(), turn.now()))
                    .isEqualTo(turn.outcome());
            assertThat(another.allowedTransitions(copy, turn.actor()))
                    .isEqualTo(WORKFLOW.allowedTransitions(turn.before(), turn.actor()));
        }
    }

    @Property(tries = 300)
    void the_version_rises_by_exactly_one_on_each_change_and_stays_on_a_no_op(@ForAll("scenarios") Scenario scenario) {
        List<Turn> turns = play(scenario);
        long changes = 0;
        for (Turn turn : turns) {
            if (!(turn.outcome() instanceof Applied applied)) {
                continue;
            }
            Ticket before = turn.before();
            Ticket after = applied.ticket();
            if (applied.changedNothing()) {
                assertThat(after)
                        .as("ticket after the no-op %s", turn.command())
                        .isEqualTo(before);
            }
            if (after.equals(before)) {
                continue;
            }
            changes++;
            assertThat(after.version()).as("version after %s", turn.command()).isEqualTo(before.version() + 1);
            assertThat(after.updatedAt()).isEqualTo(turn.now());
            assertThat(after.updatedBy()).isEqualTo(turn.actor().login());
        }
        assertThat(last(turns).version()).isEqualTo(1 + changes);
    }
}
