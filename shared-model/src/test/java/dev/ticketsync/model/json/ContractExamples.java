package dev.ticketsync.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.command.AddAttachment;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
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
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Device;
import dev.ticketsync.model.domain.Plan;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.ErrorBody;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.Poke;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** One example object per wire type; each has a file under {@code contracts/} that server and desktop tests share. */
final class ContractExamples {

    static final UUID TICKET = UUID.fromString("0190d5a0-1c2b-7c3d-8e4f-000000000042");
    static final UUID OTHER = UUID.fromString("0190d5a0-1c2b-7c3d-8e4f-000000000007");
    static final UUID COMMENT = UUID.fromString("0190d5a1-0000-7000-8000-0000000000c1");
    static final UUID CLIENT = UUID.fromString("6f1c2a9e-54b0-4c1e-9a55-2f9b3c4d5e6f");
    static final Instant AT = Instant.parse("2026-11-23T10:02:03.123456Z");

    private ContractExamples() {}

    record Example(String file, Class<?> type, Object value) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Example> all() {
        return List.of(
                new Example("ticket.json", Ticket.class, ticket()),
                new Example("comment.json", Comment.class, comment()),
                new Example("user.json", User.class, new User(OTHER, "carol", "Carol Lead", Role.LEAD, true)),
                new Example("device.json", Device.class, new Device(CLIENT, "alice", AT, 12, 4711)),
                new Example("audit-entry.json", AuditEntry.class, auditEntry()),
                new Example("push-request.json", PushRequest.class, pushRequest()),
                new Example("push-result.json", PushResult.class, pushResult()),
                new Example("pull-response.json", PullResponse.class, pullResponse()),
                new Example("poke.json", Poke.class, new Poke(4711)),
                new Example(
                        "error.json",
                        ErrorBody.class,
                        ErrorBody.of(ErrorCode.VALIDATION, "title: must be 1–200 characters", "title")),
                command(
                        "create_ticket",
                        new CreateTicket(
                                TICKET,
                                "VPN drops every 10 minutes",
                                "Since the 9:00 update.",
                                Priority.P2,
                                TicketType.INCIDENT,
                                List.of("vpn", "network"),
                                "alice",
                                null,
                                List.of("diagnose", "fix", "verify"),
                                "OPS")),
                command(
                        "edit_fields",
                        new EditFields(
                                TICKET,
                                new TreeMap<>(Map.of(
                                        EditableField.DESCRIPTION,
                                                FieldEdit.from("Since the 9:00 update.", "Since 9:00, only on Wi-Fi."),
                                        EditableField.PRIORITY, FieldEdit.to("p1"))))),
                command("transition", new Transition(TICKET, Status.RESOLVED, "Rolled back the VPN client.", null)),
                command("assign", new Assign(TICKET, "bob")),
                command("add_tags", new AddTags(TICKET, List.of("wifi"))),
                command("remove_tags", new RemoveTags(TICKET, List.of("network"))),
                command(
                        "add_comment",
                        new AddComment(COMMENT, TICKET, "Reproduced on two laptops.", Visibility.INTERNAL)),
                command("complete_stage", new CompleteStage(TICKET, 0, COMMENT, "Root cause: client 5.2.")),
                command("watch", new Watch(TICKET, null)),
                command("unwatch", new Unwatch(TICKET, "bob")),
                command("link_blocker", new LinkBlocker(TICKET, OTHER)),
                command("unlink_blocker", new UnlinkBlocker(TICKET, OTHER)),
                command("set_parent", new SetParent(TICKET, OTHER)),
                command(
                        "add_attachment",
                        new AddAttachment(COMMENT, TICKET, "vpn.log", "text/plain", 2048L, "ab".repeat(32))));
    }

    /** The JSON tree a reader of the wire sees (numbers as small as they fit, as in a parsed file). */
    static JsonNode tree(Object value) {
        try {
            return Json.strict().readTree(Json.strict().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Example command(String name, Object args) {
        return new Example("command-" + name.replace('_', '-') + ".json", args.getClass(), args);
    }

    static Ticket ticket() {
        return Ticket.builder()
                .id(TICKET)
                .key("OPS-42")
                .title("VPN drops every 10 minutes")
                .description("Since the 9:00 update.")
                .status(Status.IN_PROGRESS)
                .priority(Priority.P2)
                .type(TicketType.INCIDENT)
                .reporter("carol")
                .assignee("alice")
                .team("network")
                .tags(Set.of("vpn", "network"))
                .dueAt(Instant.parse("2026-11-24T17:00:00Z"))
                .responseDueAt(Instant.parse("2026-11-23T11:00:00Z"))
                .resolutionDueAt(Instant.parse("2026-11-24T10:00:00Z"))
                .firstResponseAt(AT)
                .parentId(OTHER)
                .blockedBy(Set.of())
                .plan(new Plan(List.of("diagnose", "fix", "verify"), 0))
                .createdAt(Instant.parse("2026-11-23T09:15:00Z"))
                .createdBy("carol")
                .updatedAt(AT)
                .updatedBy("alice")
                .version(7)
                .build();
    }

    static Comment comment() {
        return new Comment(
                COMMENT,
                TICKET,
                "alice",
                "Reproduced on two laptops.",
                Visibility.INTERNAL,
                CommentKind.COMMENT,
                null,
                AT,
                null);
    }

    static AuditEntry auditEntry() {
        return new AuditEntry(
                4711,
                AT,
                "alice",
                CLIENT,
                "127.0.0.1",
                AuditAction.STATUS_CHANGED,
                TICKET,
                new TreeMap<>(Map.of("status", new ValueChange("triaged", "in_progress"))),
                "9f2c…prev",
                "41aa…this");
    }

    static PushRequest pushRequest() {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("ticketId", TICKET.toString());
        args.put("to", "triaged");
        return new PushRequest(CLIENT, List.of(new Mutation(13L, "transition", args, AT)));
    }

    static PushResult pushResult() {
        return new PushResult(
                List.of(
                        MutationResult.accepted(13, 4712),
                        MutationResult.rejected(
                                14, ErrorCode.TERMINAL, "OPS-42 was cancelled by dana at 2026-11-23 10:02 UTC"),
                        MutationResult.accepted(12, 4700).asDuplicate()),
                14);
    }

    static PullResponse pullResponse() {
        ObjectNode watcher = JsonNodeFactory.instance.objectNode();
        watcher.put("ticketId", TICKET.toString());
        watcher.put("user", "bob");
        return new PullResponse(
                List.of(
                        new Change(4712, EntityType.TICKET, TICKET.toString(), tree(ticket()), null),
                        new Change(4713, EntityType.WATCHER, TICKET + ":bob", watcher, true)),
                4713,
                5000,
                true,
                14);
    }
}
