package dev.ticketsync.bench.workload;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic bench data: tickets with helpdesk titles, ~400-character descriptions, 1–4 tags, a priority skewed to P3,
 * a fixed number of ~200-character comments (a quarter internal), and statuses mixed like a live queue (about 60 %
 * open). Ticket {@code i} is the same text for the same seed, whatever order tickets are made in.
 */
public final class DataGenerator {

    private final long seed;
    private final int commentsPerTicket;
    private final List<String> agents;

    public DataGenerator(long seed, int commentsPerTicket, List<String> agents) {
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("agents must not be empty");
        }
        this.seed = seed;
        this.commentsPerTicket = commentsPerTicket;
        this.agents = List.copyOf(agents);
    }

    /** Ticket {@code index}, reported (and pushed) by {@code reporter}. */
    public TicketScript ticket(int index, String reporter) {
        Random random = new Random(seed * 1_000_003L + index);
        HelpdeskText.Topic topic = HelpdeskText.pick(random, HelpdeskText.TOPICS);
        Status status = status(random);
        boolean needsAssignee = status != Status.NEW && status != Status.TRIAGED && status != Status.CANCELLED;
        String assignee = needsAssignee || random.nextBoolean() ? HelpdeskText.pick(random, agents) : null;
        UUID id = Ids.newId();
        List<Command> steps = new ArrayList<>(commentsPerTicket + 4);
        steps.add(new CreateTicket(
                id,
                HelpdeskText.title(random, topic),
                HelpdeskText.description(random),
                priority(random),
                topic.type(),
                tags(random, topic),
                assignee,
                null,
                null,
                null));
        for (int c = 0; c < commentsPerTicket; c++) {
            steps.add(new AddComment(
                    Ids.newId(),
                    id,
                    HelpdeskText.comment(random),
                    random.nextInt(4) == 0 ? Visibility.INTERNAL : Visibility.PUBLIC));
        }
        steps.addAll(transitions(random, id, status));
        return new TicketScript(id, reporter, status, steps);
    }

    /**
     * A device's day of work on open tickets, {@code count} mutations: comments, priority changes, tags and
     * assignments — none of which the workflow refuses on an open ticket.
     */
    public List<Command> work(Random random, List<UUID> openTickets, int count) {
        if (openTickets.isEmpty()) {
            throw new IllegalArgumentException("work needs at least one open ticket");
        }
        List<Command> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            commands.add(workItem(random, openTickets.get(random.nextInt(openTickets.size()))));
        }
        return commands;
    }

    public Command workItem(Random random, UUID ticket) {
        int kind = random.nextInt(10);
        if (kind < 3) {
            return new AddComment(Ids.newId(), ticket, HelpdeskText.comment(random), Visibility.PUBLIC);
        } else if (kind < 6) {
            return EditFields.of(
                    ticket,
                    EditableField.PRIORITY,
                    FieldEdit.to(priority(random).wire()));
        } else if (kind < 8) {
            return new AddTags(ticket, List.of(HelpdeskText.pick(random, HelpdeskText.EXTRA_TAGS)));
        }
        return new Assign(ticket, HelpdeskText.pick(random, agents));
    }

    /** A comment's text, about 200 characters. */
    public String commentBody(Random random) {
        return HelpdeskText.comment(random);
    }

    /** Open statuses (≈ 60 %) and done ones, in the proportions of a queue that has run for a while. */
    static Status status(Random random) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return Status.NEW;
        } else if (roll < 30) {
            return Status.TRIAGED;
        } else if (roll < 48) {
            return Status.IN_PROGRESS;
        } else if (roll < 55) {
            return Status.WAITING;
        } else if (roll < 60) {
            return Status.ON_HOLD;
        } else if (roll < 73) {
            return Status.RESOLVED;
        } else if (roll < 95) {
            return Status.CLOSED;
        }
        return Status.CANCELLED;
    }

    private static Priority priority(Random random) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return Priority.P1;
        } else if (roll < 25) {
            return Priority.P2;
        } else if (roll < 80) {
            return Priority.P3;
        }
        return Priority.P4;
    }

    private static List<String> tags(Random random, HelpdeskText.Topic topic) {
        Set<String> tags = new LinkedHashSet<>(topic.tags());
        if (random.nextInt(3) == 0) {
            tags.add(HelpdeskText.pick(random, HelpdeskText.EXTRA_TAGS));
        }
        return List.copyOf(tags);
    }

    private static List<Command> transitions(Random random, UUID id, Status status) {
        List<Command> steps = new ArrayList<>(3);
        switch (status) {
            case NEW -> {}
            case TRIAGED -> steps.add(Transition.to(id, Status.TRIAGED));
            case CANCELLED ->
                steps.add(new Transition(
                        id, Status.CANCELLED, null, HelpdeskText.pick(random, HelpdeskText.CANCEL_REASONS)));
            default -> {
                steps.add(Transition.to(id, Status.IN_PROGRESS));
                switch (status) {
                    case WAITING, ON_HOLD -> steps.add(Transition.to(id, status));
                    case RESOLVED, CLOSED -> {
                        steps.add(new Transition(
                                id, Status.RESOLVED, HelpdeskText.pick(random, HelpdeskText.RESOLUTIONS), null));
                        if (status == Status.CLOSED) {
                            steps.add(Transition.to(id, Status.CLOSED));
                        }
                    }
                    default -> {}
                }
            }
        }
        return steps;
    }
}
