package dev.ticketsync.desktop;

import dev.ticketsync.desktop.replica.LocalResult;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.workflow.Workflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Random but legal edits, made as a user makes them on what their replica shows: text edits carry the value they saw
 * as base, transitions are among those the workflow offers them, texts, tags and comment ids are unique. By default
 * each user (alice or bob) picks priorities and assignees from a palette of their own, so every accepted change really
 * changes something on the server and leaves exactly one audit entry; with a shared palette a last-writer-wins change
 * may find its value already set and leave none ({@link #mayChangeNothing}). Either way a test can check that the
 * audit holds each accepted mutation exactly once. Remembers every mutation the replica queued, by mutationId.
 */
public final class Edits {

    public enum Kind {
        PRIORITY,
        TITLE,
        DESCRIPTION,
        ASSIGN,
        TAG,
        COMMENT,
        TRANSITION,
        WATCH,
        UNWATCH
    }

    private static final Map<String, List<Priority>> PRIORITIES =
            Map.of("alice", List.of(Priority.P1, Priority.P2), "bob", List.of(Priority.P3, Priority.P4));
    private static final Map<String, List<String>> ASSIGNEES =
            Map.of("alice", List.of("alice", "carol"), "bob", List.of("bob", "admin"));

    private final Replica replica;
    private final List<Priority> priorities;
    private final List<String> assignees;
    private final Workflow workflow = Workflow.standard();
    private final Map<Long, Command> made = new TreeMap<>();
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private int counter;

    /** Edits by alice or bob, each with a palette of priorities and assignees no other user picks. */
    Edits(Replica replica) {
        this(
                replica,
                PRIORITIES.get(replica.me().login()),
                ASSIGNEES.get(replica.me().login()));
    }

    /** Edits that pick priorities and assignees from the given palettes. */
    public Edits(Replica replica, List<Priority> priorities, List<String> assignees) {
        this.replica = replica;
        this.priorities = List.copyOf(priorities);
        this.assignees = List.copyOf(assignees);
    }

    /** Runs {@code command} on the replica and remembers it if the replica queued it. */
    public LocalResult run(Command command) {
        LocalResult result = replica.execute(command);
        if (result.accepted()) {
            made.put(result.mutationId(), command);
        }
        return result;
    }

    /** Tries a {@code kind} edit of the ticket, {@code choice} picking among the options; true if it was queued. */
    public boolean make(Kind kind, UUID ticketId, int choice) {
        return command(kind, ticketId, Math.abs(choice))
                .map(this::run)
                .filter(LocalResult::accepted)
                .isPresent();
    }

    /** Every mutation the replica queued, by mutationId. */
    public Map<Long, Command> made() {
        return made;
    }

    private Optional<Command> command(Kind kind, UUID id, int choice) {
        Optional<Ticket> seen = replica.ticket(id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = seen.get();
        String token = replica.me().login() + "-" + tag + "-" + (++counter);
        return switch (kind) {
            case PRIORITY ->
                pick(priorities.stream().filter(p -> p != ticket.priority()).toList(), choice)
                        .map(p -> EditFields.of(id, EditableField.PRIORITY, FieldEdit.to(p.wire())));
            case TITLE ->
                Optional.of(EditFields.of(id, EditableField.TITLE, FieldEdit.from(ticket.title(), "Title " + token)));
            case DESCRIPTION ->
                Optional.of(EditFields.of(
                        id, EditableField.DESCRIPTION, FieldEdit.from(ticket.description(), "Description " + token)));
            case ASSIGN ->
                pick(
                                assignees.stream()
                                        .filter(a -> !a.equals(ticket.assignee()))
                                        .toList(),
                                choice)
                        .map(a -> new Assign(id, a));
            case TAG -> Optional.of(new AddTags(id, List.of("t-" + token)));
            case COMMENT -> Optional.of(new AddComment(Ids.newId(), id, "Comment " + token, Visibility.PUBLIC));
            case TRANSITION ->
                pick(
                                new ArrayList<>(workflow.allowedTransitions(ticket, replica.me()))
                                        .stream().sorted().toList(),
                                choice)
                        .map(to -> new Transition(id, to, "Fixed " + token, "Not needed " + token));
            case WATCH -> Optional.of(new Watch(id, null));
            case UNWATCH -> Optional.of(new Unwatch(id, null));
        };
    }

    private static <T> Optional<T> pick(List<T> options, int choice) {
        return options.isEmpty() ? Optional.empty() : Optional.of(options.get(choice % options.size()));
    }

    /** The audit entry an accepted {@code command} of device {@code clientId} must leave, as a comparable line. */
    public static String expectedAudit(UUID clientId, Command command) {
        String who = clientId + " " + command.ticketId() + " ";
        if (command instanceof CreateTicket) {
            return who + "TICKET_CREATED";
        } else if (command instanceof EditFields edit) {
            var change = edit.changes().entrySet().iterator().next();
            return who + "FIELD_CHANGED " + change.getKey().wire() + "="
                    + change.getValue().value();
        } else if (command instanceof Assign assign) {
            return who + "ASSIGNED assignee=" + assign.assignee();
        } else if (command instanceof AddTags tags) {
            return who + "TAGS_ADDED +" + tags.tags();
        } else if (command instanceof AddComment comment) {
            return who + "COMMENT_ADDED commentId=" + comment.id();
        } else if (command instanceof Watch) {
            return who + "WATCHER_ADDED";
        } else if (command instanceof Unwatch) {
            return who + "WATCHER_REMOVED";
        } else if (command instanceof Transition transition) {
            String action = transition.to() == Status.CANCELLED ? "TICKET_CANCELLED" : "STATUS_CHANGED";
            return who + action + " status=" + transition.to().wire();
        }
        throw new IllegalArgumentException("no expected audit for " + command);
    }

    /**
     * Whether {@code command}, accepted, may leave no audit entry: a last-writer-wins change whose value someone else
     * had already set changes nothing. Every other accepted edit changes something and leaves exactly one entry.
     */
    public static boolean mayChangeNothing(Command command) {
        return command instanceof Assign
                || (command instanceof EditFields edit
                        && edit.changes().keySet().stream().noneMatch(EditableField::isText));
    }

    /** An audit entry as the same kind of line as {@link #expectedAudit}. */
    public static String actualAudit(AuditEntry entry) {
        // Whether a move to in progress reopens the ticket depends on the server's state, which the device could not
        // know: both read as a status change.
        AuditAction action =
                entry.action() == AuditAction.TICKET_REOPENED ? AuditAction.STATUS_CHANGED : entry.action();
        String who = entry.clientId() + " " + entry.ticketId() + " " + action;
        Map<String, ValueChange> changes = entry.changes();
        return switch (action) {
            case TICKET_CREATED, WATCHER_ADDED, WATCHER_REMOVED -> who;
            case FIELD_CHANGED -> {
                var change = changes.entrySet().iterator().next();
                yield who + " " + change.getKey() + "=" + change.getValue().newValue();
            }
            case ASSIGNED -> who + " assignee=" + changes.get("assignee").newValue();
            case TAGS_ADDED -> {
                List<Object> added =
                        new ArrayList<>((Collection<?>) changes.get("tags").newValue());
                Object before = changes.get("tags").old();
                added.removeAll(before == null ? List.of() : (Collection<?>) before);
                yield who + " +" + added;
            }
            case COMMENT_ADDED -> who + " commentId=" + changes.get("commentId").newValue();
            case STATUS_CHANGED, TICKET_CANCELLED ->
                who + " status=" + changes.get("status").newValue();
            default -> who + " " + changes;
        };
    }
}
