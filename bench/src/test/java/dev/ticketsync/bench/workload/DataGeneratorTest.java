package dev.ticketsync.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.validation.FieldRules;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Applied;
import dev.ticketsync.model.workflow.Outcome;
import dev.ticketsync.model.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DataGeneratorTest {

    private static final List<String> AGENTS = List.of("alice", "bob", "carol");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private final DataGenerator generator = new DataGenerator(42, 3, AGENTS);
    private final Workflow workflow = Workflow.standard();

    @Test
    void a_ticket_is_its_create_then_its_comments_then_its_transitions() {
        TicketScript script = generator.ticket(7, "alice");

        assertThat(script.steps().get(0)).isInstanceOf(CreateTicket.class);
        assertThat(script.steps().subList(1, 4)).allMatch(AddComment.class::isInstance);
        assertThat(script.steps().subList(4, script.steps().size())).allMatch(Transition.class::isInstance);
        assertThat(script.steps()).allMatch(step -> step.ticketId().equals(script.id()));
        assertThat(script.reporter()).isEqualTo("alice");
    }

    @Test
    void text_reads_like_a_helpdesk_at_the_promised_lengths() {
        List<Integer> descriptions = new ArrayList<>();
        List<Integer> comments = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TicketScript script = generator.ticket(i, "bob");
            CreateTicket create = (CreateTicket) script.steps().get(0);
            assertThat(create.title()).isNotBlank().hasSizeLessThanOrEqualTo(FieldRules.TITLE_MAX_CHARS);
            assertThat(create.tags()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            descriptions.add(create.description().length());
            script.steps().stream()
                    .filter(AddComment.class::isInstance)
                    .map(step -> ((AddComment) step).body().length())
                    .forEach(comments::add);
        }
        assertThat(average(descriptions)).isBetween(380.0, 480.0);
        assertThat(descriptions).allMatch(length -> length >= 380 && length < 600);
        assertThat(average(comments)).isBetween(180.0, 260.0);
        assertThat(comments).hasSize(1500).allMatch(length -> length >= 180 && length < 400);
    }

    @Test
    void the_same_seed_gives_the_same_text_whatever_the_order() {
        DataGenerator again = new DataGenerator(42, 3, AGENTS);

        again.ticket(1, "alice");
        CreateTicket first = (CreateTicket) generator.ticket(5, "carol").steps().get(0);
        CreateTicket second = (CreateTicket) again.ticket(5, "carol").steps().get(0);

        assertThat(second.title()).isEqualTo(first.title());
        assertThat(second.description()).isEqualTo(first.description());
        assertThat(second.tags()).isEqualTo(first.tags());
    }

    @Test
    void statuses_are_mixed_like_a_live_queue_and_every_step_passes_the_real_workflow() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int open = 0;
        int tickets = 2000;
        for (int i = 0; i < tickets; i++) {
            String reporter = AGENTS.get(i % AGENTS.size());
            TicketScript script = generator.ticket(i, reporter);
            Ticket ticket = replay(script.steps(), new Actor(reporter, Role.AGENT));
            assertThat(ticket.status()).isEqualTo(script.status());
            counts.merge(ticket.status(), 1, Integer::sum);
            if (ticket.isOpen()) {
                open++;
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Status.values());
        assertThat(open / (double) tickets).isBetween(0.5, 0.7);
    }

    @Test
    void work_on_open_tickets_is_never_refused() {
        List<UUID> open = new ArrayList<>();
        Map<UUID, Ticket> tickets = new java.util.HashMap<>();
        for (int i = 0; open.size() < 50; i++) {
            TicketScript script = generator.ticket(i, "alice");
            Ticket ticket = replay(script.steps(), new Actor("alice", Role.AGENT));
            if (ticket.isOpen()) {
                open.add(ticket.id());
                tickets.put(ticket.id(), ticket);
            }
        }

        List<Command> work = generator.work(new Random(3), open, 1000);

        assertThat(work).hasSize(1000);
        Actor bob = new Actor("bob", Role.AGENT);
        for (Command command : work) {
            Outcome outcome = workflow.apply(tickets.get(command.ticketId()), command, bob, NOW);
            assertThat(outcome).as(command.toString()).isInstanceOf(Applied.class);
            tickets.put(command.ticketId(), ((Applied) outcome).ticket());
        }
        assertThat(work.stream().map(command -> command.name().wire()).distinct())
                .containsExactlyInAnyOrder("add_comment", "edit_fields", "add_tags", "assign");
    }

    private Ticket replay(List<Command> steps, Actor actor) {
        Ticket ticket = null;
        for (Command step : steps) {
            Outcome outcome = workflow.apply(ticket, step, actor, NOW);
            assertThat(outcome).as(step.toString()).isInstanceOf(Applied.class);
            ticket = ((Applied) outcome).ticket();
        }
        return ticket;
    }

    private static double average(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
