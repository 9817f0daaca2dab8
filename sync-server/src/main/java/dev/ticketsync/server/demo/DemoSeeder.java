package dev.ticketsync.server.demo;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.server.UserAdmin;
import dev.ticketsync.server.command.CommandPipeline;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.command.WriteTx;
import dev.ticketsync.server.command.Writer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo: users alice and bob (agents) and carol (lead), password {@code demo}, and tickets with comments
 * spread over the last weeks and across every status. Everything goes through the one write path, like real work.
 */
public final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    public static final String PASSWORD = "demo";
    private static final List<String> AGENTS = List.of("alice", "bob", "carol");

    private final UserAdmin users;
    private final Writer writer;
    private final CommandPipeline pipeline;
    private final Clock clock;

    public DemoSeeder(UserAdmin users, Writer writer, CommandPipeline pipeline, Clock clock) {
        this.users = users;
        this.writer = writer;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /** Seeds once: does nothing when alice already exists. */
    public void seed(int tickets) {
        if (users.find("alice").isPresent()) {
            return;
        }
        long started = System.nanoTime();
        users.create("admin", "alice", "Alice Agent", Role.AGENT, PASSWORD, Origin.server());
        users.create("admin", "bob", "Bob Agent", Role.AGENT, PASSWORD, Origin.server());
        users.create("admin", "carol", "Carol Lead", Role.LEAD, PASSWORD, Origin.server());
        Random random = new Random(42);
        Instant now = clock.instant();
        Duration span = Duration.ofDays(21);
        int batch = 50;
        for (int first = 0; first < tickets; first += batch) {
            int last = Math.min(tickets, first + batch);
            // Older tickets first, so seq order follows time as it would have.
            Instant at = now.minus(span.multipliedBy(tickets - first).dividedBy(Math.max(1, tickets)));
            List<Step> steps = new ArrayList<>();
            for (int i = first; i < last; i++) {
                steps.addAll(ticket(random, i));
            }
            writer.writeAsOf(at, tx -> {
                for (Step step : steps) {
                    run(tx, step);
                }
                return null;
            });
        }
        LOG.info("Seeded {} demo tickets in {} ms", tickets, (System.nanoTime() - started) / 1_000_000);
    }

    private record Step(Command command, Actor actor) {}

    private void run(WriteTx tx, Step step) throws SQLException {
        var result = pipeline.run(tx, step.command(), step.actor(), Origin.server());
        if (result.rejection() != null) {
            throw new IllegalStateException(
                    "demo step rejected: " + result.rejection().message());
        }
    }

    private static List<Step> ticket(Random random, int index) {
        DemoData.Topic topic = DemoData.pick(random, DemoData.TOPICS);
        String reporter = DemoData.pick(random, AGENTS);
        Actor reporterActor = actor(reporter);
        UUID id = Ids.newId();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                new CreateTicket(
                        id,
                        capitalised(topic.subject()) + " " + DemoData.pick(random, DemoData.PROBLEMS),
                        DemoData.pick(random, DemoData.DETAILS),
                        DemoData.priority(random),
                        topic.type(),
                        topic.tags(),
                        null,
                        null,
                        null,
                        null),
                reporterActor));
        Status target = target(random, index);
        String assignee = DemoData.pick(random, AGENTS);
        Actor worker = actor(assignee);
        int comments = random.nextInt(4);
        for (int c = 0; c < comments; c++) {
            steps.add(new Step(
                    new AddComment(
                            Ids.newId(),
                            id,
                            DemoData.pick(random, DemoData.COMMENTS),
                            random.nextInt(4) == 0 ? Visibility.INTERNAL : Visibility.PUBLIC),
                    worker));
        }
        if (target == Status.NEW) {
            return steps;
        }
        if (target == Status.CANCELLED) {
            steps.add(new Step(
                    new Transition(id, Status.CANCELLED, null, "Duplicate of an older ticket"), reporterActor));
            return steps;
        }
        steps.add(new Step(Transition.to(id, Status.TRIAGED), worker));
        if (target == Status.TRIAGED) {
            return steps;
        }
        steps.add(new Step(new Assign(id, assignee), worker));
        steps.add(new Step(Transition.to(id, Status.IN_PROGRESS), worker));
        switch (target) {
            case WAITING, ON_HOLD -> steps.add(new Step(Transition.to(id, target), worker));
            case RESOLVED, CLOSED -> {
                steps.add(new Step(
                        new Transition(id, Status.RESOLVED, DemoData.pick(random, DemoData.RESOLUTIONS), null),
                        worker));
                if (target == Status.CLOSED) {
                    steps.add(new Step(Transition.to(id, Status.CLOSED), worker));
                }
            }
            default -> {}
        }
        return steps;
    }

    /** Newer tickets are more often still open, as in a real queue. */
    private static Status target(Random random, int index) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return Status.NEW;
        } else if (roll < 30) {
            return Status.TRIAGED;
        } else if (roll < 50) {
            return Status.IN_PROGRESS;
        } else if (roll < 57) {
            return Status.WAITING;
        } else if (roll < 62) {
            return Status.ON_HOLD;
        } else if (roll < 75) {
            return Status.RESOLVED;
        } else if (roll < 95) {
            return Status.CLOSED;
        }
        return index % 2 == 0 ? Status.CANCELLED : Status.CLOSED;
    }

    private static Actor actor(String login) {
        return new Actor(login, login.equals("carol") ? Role.LEAD : Role.AGENT);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
