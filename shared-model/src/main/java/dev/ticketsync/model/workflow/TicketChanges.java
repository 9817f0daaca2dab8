package dev.ticketsync.model.workflow;

import dev.ticketsync.model.command.AddAttachment;
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
import dev.ticketsync.model.command.RemoveTags;
import dev.ticketsync.model.command.SetParent;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.UnlinkBlocker;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Attachment;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Plan;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.domain.Watcher;
import dev.ticketsync.model.domain.WireName;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** The field-level effect of each command on one ticket, once the workflow has let it through. */
final class TicketChanges {

    private final Ticket ticket;
    private final Actor actor;
    private final Instant now;

    TicketChanges(Ticket ticket, Actor actor, Instant now) {
        this.ticket = ticket;
        this.actor = actor;
        this.now = now;
    }

    static Applied create(CreateTicket c, Actor actor, Instant now) {
        Ticket created = Ticket.builder()
                .id(c.id())
                .project(c.project())
                .title(c.title())
                .description(c.description())
                .priority(Objects.requireNonNullElse(c.priority(), Priority.P3))
                .type(Objects.requireNonNullElse(c.type(), TicketType.REQUEST))
                .reporter(actor.login())
                .assignee(c.assignee())
                .tags(new TreeSet<>(c.tags()))
                .parentId(c.parentId())
                .plan(c.plan() == null ? null : Plan.of(c.plan()))
                .createdAt(now)
                .createdBy(actor.login())
                .updatedAt(now)
                .updatedBy(actor.login())
                .version(1)
                .build();
        Map<String, ValueChange> fields = new TreeMap<>();
        putNew(fields, "project", created.project());
        putNew(fields, "title", created.title());
        putNew(fields, "description", created.description());
        putNew(fields, "status", created.status());
        putNew(fields, "priority", created.priority());
        putNew(fields, "type", created.type());
        putNew(fields, "assignee", created.assignee());
        putNew(fields, "parentId", created.parentId());
        if (!created.tags().isEmpty()) {
            putNew(fields, "tags", created.tags());
        }
        if (created.plan() != null) {
            putNew(fields, "plan", created.plan().stages());
        }
        return new Applied(created, List.of(AuditEvent.of(AuditAction.TICKET_CREATED, fields)), List.of());
    }

    Outcome apply(Command command) {
        if (command instanceof EditFields c) {
            return edit(c);
        } else if (command instanceof Assign c) {
            return change(
                    AuditAction.ASSIGNED, "assignee", ticket.assignee(), c.assignee(), b -> b.assignee(c.assignee()));
        } else if (command instanceof AddTags c) {
            return tags(AuditAction.TAGS_ADDED, union(ticket.tags(), c.tags()));
        } else if (command instanceof RemoveTags c) {
            SortedSet<String> kept = new TreeSet<>(ticket.tags());
            kept.removeAll(c.tags());
            return tags(AuditAction.TAGS_REMOVED, kept);
        } else if (command instanceof AddComment c) {
            Comment comment = new Comment(
                    c.id(), ticket.id(), actor.login(), c.body(), c.visibility(), CommentKind.COMMENT, null, now, null);
            return sideEffect(
                    AuditEvent.of(
                            AuditAction.COMMENT_ADDED,
                            Map.of(
                                    "commentId", new ValueChange(null, c.id().toString()),
                                    "visibility",
                                            new ValueChange(null, c.visibility().wire()))),
                    new Effect.PutComment(comment));
        } else if (command instanceof CompleteStage c) {
            return completeStage(c);
        } else if (command instanceof Watch c) {
            Watcher watcher = new Watcher(ticket.id(), Objects.requireNonNullElse(c.user(), actor.login()));
            return sideEffect(
                    AuditEvent.of(AuditAction.WATCHER_ADDED, "watcher", null, watcher.user()),
                    new Effect.PutWatcher(watcher));
        } else if (command instanceof Unwatch c) {
            Watcher watcher = new Watcher(ticket.id(), Objects.requireNonNullElse(c.user(), actor.login()));
            return sideEffect(
                    AuditEvent.of(AuditAction.WATCHER_REMOVED, "watcher", watcher.user(), null),
                    new Effect.RemoveWatcher(watcher));
        } else if (command instanceof LinkBlocker c) {
            return blockers(AuditAction.BLOCKER_LINKED, union(ticket.blockedBy(), Set.of(c.blockerId())));
        } else if (command instanceof UnlinkBlocker c) {
            SortedSet<UUID> kept = new TreeSet<>(ticket.blockedBy());
            kept.remove(c.blockerId());
            return blockers(AuditAction.BLOCKER_UNLINKED, kept);
        } else if (command instanceof SetParent c) {
            return change(
                    AuditAction.PARENT_SET, "parentId", ticket.parentId(), c.parentId(), b -> b.parentId(c.parentId()));
        } else if (command instanceof AddAttachment c) {
            Attachment attachment = new Attachment(
                    c.id(), ticket.id(), c.fileName(), c.mediaType(), c.size(), c.sha256(), actor.login(), now);
            return sideEffect(
                    AuditEvent.of(
                            AuditAction.ATTACHMENT_ADDED,
                            Map.of(
                                    "attachmentId", new ValueChange(null, c.id().toString()),
                                    "fileName", new ValueChange(null, c.fileName()))),
                    new Effect.PutAttachment(attachment));
        }
        throw new IllegalStateException("unhandled command " + command.name());
    }

    Applied transition(Transition request, boolean reopen) {
        Status to = request.to();
        Ticket.Builder next = ticket.toBuilder().status(to);
        Map<String, ValueChange> fields = new TreeMap<>();
        fields.put("status", new ValueChange(ticket.status().wire(), to.wire()));
        if (to == Status.RESOLVED) {
            next.resolution(request.resolution());
            putChange(fields, "resolution", ticket.resolution(), request.resolution());
        } else if (to == Status.CANCELLED) {
            next.cancelReason(request.reason());
            putChange(fields, "cancelReason", ticket.cancelReason(), request.reason());
        } else if (reopen) {
            next.resolution(null);
            putChange(fields, "resolution", ticket.resolution(), null);
        }
        AuditAction action = to == Status.CANCELLED
                ? AuditAction.TICKET_CANCELLED
                : reopen ? AuditAction.TICKET_REOPENED : AuditAction.STATUS_CHANGED;
        return new Applied(touched(next), List.of(AuditEvent.of(action, fields)), List.of());
    }

    private Outcome edit(EditFields command) {
        Ticket.Builder next = ticket.toBuilder();
        List<AuditEvent> events = new ArrayList<>();
        for (Map.Entry<EditableField, FieldEdit> entry : command.changes().entrySet()) {
            EditableField field = entry.getKey();
            FieldEdit edit = entry.getValue();
            String current = wireValue(field);
            if (Objects.equals(current, edit.value())) {
                continue;
            }
            if (field.isText() && !Objects.equals(current, edit.base())) {
                return new Rejection(
                        ErrorCode.CONFLICT,
                        "The " + field.wire() + " of " + ticket.displayKey() + " was changed by " + ticket.updatedBy()
                                + " since you started editing; merge your text with theirs",
                        "changes." + field.wire());
            }
            if (field == EditableField.RESOLUTION
                    && (edit.value() == null || edit.value().isBlank())) {
                return new Rejection(
                        ErrorCode.GUARD_FAILED,
                        "A resolved ticket needs a resolution; " + ticket.displayKey() + "'s cannot be emptied",
                        "changes.resolution");
            }
            if (field == EditableField.RESOLUTION && ticket.status() != Status.RESOLVED) {
                return new Rejection(
                        ErrorCode.GUARD_FAILED,
                        "Only a resolved ticket has a resolution to edit; " + ticket.displayKey() + " is "
                                + ticket.status().label(),
                        "changes.resolution");
            }
            set(next, field, edit.value());
            AuditAction action = field == EditableField.ASSIGNEE ? AuditAction.ASSIGNED : AuditAction.FIELD_CHANGED;
            events.add(AuditEvent.of(action, field.wire(), current, edit.value()));
        }
        return events.isEmpty() ? Applied.unchanged(ticket) : new Applied(touched(next), events, List.of());
    }

    private String wireValue(EditableField field) {
        return FieldValues.wire(ticket, field);
    }

    private static void set(Ticket.Builder next, EditableField field, String value) {
        switch (field) {
            case TITLE -> next.title(value);
            case DESCRIPTION -> next.description(value);
            case RESOLUTION -> next.resolution(value);
            case PRIORITY -> next.priority(WireName.parse(Priority.class, value).orElseThrow());
            case TYPE -> next.type(WireName.parse(TicketType.class, value).orElseThrow());
            case ASSIGNEE -> next.assignee(value);
            case TEAM -> next.team(value);
            case DUE_AT -> next.dueAt(value == null ? null : Instant.parse(value));
        }
    }

    private Outcome completeStage(CompleteStage command) {
        Plan plan = ticket.plan();
        if (plan == null) {
            return new Rejection(ErrorCode.GUARD_FAILED, ticket.displayKey() + " has no plan", "stage");
        }
        int stage = command.stage();
        if (stage >= plan.stages().size()) {
            return new Rejection(
                    ErrorCode.VALIDATION,
                    "stage: " + ticket.displayKey() + " has only "
                            + plan.stages().size() + " stages",
                    "stage");
        }
        if (stage != plan.nextStage()) {
            String why = stage < plan.nextStage()
                    ? "is already complete"
                    : "cannot be completed before stage " + plan.nextStage();
            return new Rejection(
                    ErrorCode.CONFLICT,
                    "Stage " + stage + " (" + plan.stages().get(stage) + ") of " + ticket.displayKey() + " " + why,
                    "stage");
        }
        Ticket next = touched(ticket.toBuilder().plan(plan.completeNext()));
        AuditEvent event = AuditEvent.of(
                AuditAction.STAGE_COMPLETED,
                Map.of(
                        "stage", new ValueChange(null, plan.stages().get(stage)),
                        "lastCompleted", new ValueChange((long) plan.lastCompleted(), (long) stage)));
        List<Effect> effects = command.report() == null
                ? List.of()
                : List.of(new Effect.PutComment(new Comment(
                        command.commentId(),
                        ticket.id(),
                        actor.login(),
                        command.report(),
                        Visibility.INTERNAL,
                        CommentKind.STAGE_REPORT,
                        stage,
                        now,
                        null)));
        return new Applied(next, List.of(event), effects);
    }

    private Applied change(
            AuditAction action,
            String field,
            Object old,
            Object value,
            java.util.function.UnaryOperator<Ticket.Builder> set) {
        if (Objects.equals(old, value)) {
            return Applied.unchanged(ticket);
        }
        return new Applied(
                touched(set.apply(ticket.toBuilder())),
                List.of(AuditEvent.of(action, field, AuditValues.of(old), AuditValues.of(value))),
                List.of());
    }

    private Applied tags(AuditAction action, SortedSet<String> tags) {
        return change(action, "tags", ticket.tags(), tags, b -> b.tags(tags));
    }

    private Applied blockers(AuditAction action, SortedSet<UUID> blockers) {
        return change(action, "blockedBy", ticket.blockedBy(), blockers, b -> b.blockedBy(blockers));
    }

    private Applied sideEffect(AuditEvent event, Effect effect) {
        return new Applied(ticket, List.of(event), List.of(effect));
    }

    private Ticket touched(Ticket.Builder next) {
        return next.version(ticket.version() + 1)
                .updatedAt(now)
                .updatedBy(actor.login())
                .build();
    }

    private static <T extends Comparable<T>> SortedSet<T> union(Set<T> a, java.util.Collection<T> b) {
        SortedSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void putNew(Map<String, ValueChange> fields, String field, Object value) {
        if (value != null) {
            fields.put(field, new ValueChange(null, AuditValues.of(value)));
        }
    }

    private static void putChange(Map<String, ValueChange> fields, String field, Object old, Object value) {
        if (!Objects.equals(old, value)) {
            fields.put(field, new ValueChange(AuditValues.of(old), AuditValues.of(value)));
        }
    }
}
