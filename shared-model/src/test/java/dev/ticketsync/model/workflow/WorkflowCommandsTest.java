package dev.ticketsync.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.domain.Watcher;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What each command does to a ticket, through {@code Workflow.standard().apply}. */
class WorkflowCommandsTest {

    private static final Workflow WORKFLOW = Workflow.standard();
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final UUID OTHER = UUID.fromString("0190d5a0-0000-7000-8000-000000000007");
    private static final UUID CHILD_ID = UUID.fromString("0190d5a0-0000-7000-8000-0000000000c1");
    private static final Instant CREATED = Instant.parse("2026-03-01T10:02:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Actor ANN = new Actor("ann", Role.AGENT);
    private static final Actor BOB = new Actor("bob", Role.AGENT);
    private static final Actor DANA = new Actor("dana", Role.LEAD);
    private static final String SHA = "0123456789abcdef".repeat(4);

    /** OPS-42, triaged, reported by ann, last changed by dana, at version 3. */
    private static Ticket.Builder ticket() {
        return Ticket.builder()
                .id(ID)
                .key("OPS-42")
                .title("VPN drops every hour")
                .description("Since Monday")
                .status(Status.TRIAGED)
                .reporter("ann")
                .tags(Set.of("vpn"))
                .createdAt(CREATED)
                .createdBy("ann")
                .updatedAt(CREATED)
                .updatedBy("dana")
                .version(3);
    }

    private static Applied apply(Ticket ticket, Command command, Actor actor) {
        Outcome outcome = WORKFLOW.apply(ticket, command, actor, NOW);
        assertThat(outcome).isInstanceOf(Applied.class);
        return (Applied) outcome;
    }

    private static Rejection reject(Ticket ticket, Command command, Actor actor) {
        Outcome outcome = WORKFLOW.apply(ticket, command, actor, NOW);
        assertThat(outcome).isInstanceOf(Rejection.class);
        return (Rejection) outcome;
    }

    private static EditFields edit(EditableField field, String base, String value) {
        return EditFields.of(ID, field, FieldEdit.from(base, value));
    }

    /** A comment by bob on OPS-42 at NOW, with id OTHER. */
    private static Effect comment(String body, Visibility visibility, CommentKind kind, Integer stage) {
        return new Effect.PutComment(new Comment(OTHER, ID, "bob", body, visibility, kind, stage, NOW, null));
    }

    private static void assertTouched(Applied applied, long version, String by) {
        assertThat(applied.ticket().version()).isEqualTo(version);
        assertThat(applied.ticket().updatedAt()).isEqualTo(NOW);
        assertThat(applied.ticket().updatedBy()).isEqualTo(by);
    }

    @Test
    void create_fills_in_the_defaults_and_records_ticket_created() {
        Applied applied = apply(null, CreateTicket.of(CHILD_ID, "  Printer on floor 3 jams "), BOB);

        assertThat(applied.ticket())
                .extracting(Ticket::id, Ticket::title, Ticket::status, Ticket::priority, Ticket::type, Ticket::key)
                .containsExactly(
                        CHILD_ID, "Printer on floor 3 jams", Status.NEW, Priority.P3, TicketType.REQUEST, null);
        assertThat(applied.ticket())
                .extracting(Ticket::displayKey, Ticket::reporter, Ticket::createdBy, Ticket::createdAt)
                .containsExactly("OPS-?0190", "bob", "bob", NOW);
        assertTouched(applied, 1, "bob");
        assertThat(applied.events()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.TICKET_CREATED);
            assertThat(event.changes())
                    .containsEntry("title", new ValueChange(null, "Printer on floor 3 jams"))
                    .containsEntry("status", new ValueChange(null, "new"))
                    .containsEntry("priority", new ValueChange(null, "p3"))
                    .containsEntry("type", new ValueChange(null, "request"))
                    .doesNotContainKeys("assignee", "tags", "plan");
        });
    }

    @Test
    void create_keeps_what_the_reporter_chose() {
        CreateTicket create = new CreateTicket(
                CHILD_ID,
                "Core switch down",
                "All of floor 2",
                Priority.P1,
                TicketType.INCIDENT,
                List.of("network", "outage"),
                "bob",
                ID,
                List.of("diagnose", "fix"),
                "NET");

        assertThat(apply(null, create, ANN).ticket())
                .extracting(Ticket::priority, Ticket::type, Ticket::tags, Ticket::assignee, Ticket::parentId)
                .containsExactly(Priority.P1, TicketType.INCIDENT, Set.of("network", "outage"), "bob", ID);
        assertThat(apply(null, create, ANN).ticket())
                .extracting(Ticket::plan, Ticket::status, Ticket::project)
                .containsExactly(new Plan(List.of("diagnose", "fix"), -1), Status.NEW, "NET");
    }

    @Test
    void creating_a_ticket_whose_id_exists_is_a_conflict() {
        Rejection rejection = reject(ticket().build(), CreateTicket.of(ID, "Again"), ANN);

        assertThat(rejection.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rejection.message()).contains(ID.toString()).contains("already exists");
    }

    @Test
    void a_command_on_a_ticket_that_does_not_exist_is_not_found() {
        Rejection rejection = reject(null, new Assign(ID, "bob"), ANN);

        assertThat(rejection.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(rejection.message()).isEqualTo("Ticket " + ID + " does not exist");
    }

    @Test
    void editing_text_from_a_stale_base_is_a_conflict_naming_the_field() {
        Rejection rejection = reject(ticket().build(), edit(EditableField.DESCRIPTION, "Since Sunday", "Hourly"), BOB);

        assertThat(rejection.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rejection.field()).isEqualTo("changes.description");
        assertThat(rejection.message()).contains("OPS-42").contains("dana");
    }

    @Test
    void editing_text_from_the_current_base_changes_it_bumps_the_version_and_stamps_the_actor() {
        Applied applied = apply(ticket().build(), edit(EditableField.DESCRIPTION, "Since Monday", "Hourly"), BOB);

        assertThat(applied.ticket().description()).isEqualTo("Hourly");
        assertTouched(applied, 4, "bob");
        assertThat(applied.events())
                .containsExactly(AuditEvent.of(AuditAction.FIELD_CHANGED, "description", "Since Monday", "Hourly"));
    }

    @Test
    void a_multi_field_edit_with_one_conflict_changes_nothing() {
        Map<EditableField, FieldEdit> changes = Map.of(
                EditableField.PRIORITY, FieldEdit.to("p1"),
                EditableField.TITLE, FieldEdit.from("VPN drops", "VPN drops hourly"));

        Rejection rejection = reject(ticket().build(), new EditFields(ID, new TreeMap<>(changes)), BOB);

        assertThat(rejection.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rejection.field()).isEqualTo("changes.title");
    }

    @Test
    void scalar_fields_are_last_writer_wins_whatever_the_base() {
        Applied applied = apply(ticket().build(), edit(EditableField.PRIORITY, "p1", "p2"), BOB);

        assertThat(applied.ticket().priority()).isEqualTo(Priority.P2);
        assertThat(applied.changes()).containsEntry("priority", new ValueChange("p3", "p2"));
        assertTouched(applied, 4, "bob");
    }

    @Test
    void an_edit_that_changes_nothing_records_nothing_and_keeps_the_version() {
        Ticket before = ticket().build();

        Applied applied = apply(before, edit(EditableField.PRIORITY, null, "p3"), BOB);

        assertThat(applied.changedNothing()).isTrue();
        assertThat(applied.ticket()).isEqualTo(before);
        assertThat(applied.effects()).isEmpty();
    }

    @Test
    void editing_the_assignee_is_recorded_as_an_assignment() {
        Applied applied = apply(ticket().build(), edit(EditableField.ASSIGNEE, null, "bob"), ANN);

        assertThat(applied.events()).containsExactly(AuditEvent.of(AuditAction.ASSIGNED, "assignee", null, "bob"));
    }

    @Test
    void only_a_resolved_ticket_has_a_resolution_to_edit() {
        Rejection rejection = reject(ticket().build(), edit(EditableField.RESOLUTION, null, "Fixed"), BOB);

        assertThat(rejection.code()).isEqualTo(ErrorCode.GUARD_FAILED);
        assertThat(rejection.field()).isEqualTo("changes.resolution");
        assertThat(rejection.message()).contains("OPS-42 is Triaged");
    }

    @Test
    void a_resolved_ticket_cannot_lose_its_resolution_by_an_edit() {
        Ticket resolved = ticket().status(Status.RESOLVED)
                .resolution("Replaced the router")
                .build();

        Outcome outcome =
                WORKFLOW.apply(resolved, edit(EditableField.RESOLUTION, "Replaced the router", null), BOB, NOW);

        assertThat(outcome).isInstanceOf(Rejection.class);
    }

    @Test
    void assign_sets_the_assignee_records_assigned_and_nobody_unassigns() {
        Applied assigned = apply(ticket().build(), new Assign(ID, "bob"), ANN);
        Applied again = apply(assigned.ticket(), new Assign(ID, "bob"), ANN);
        Applied unassigned = apply(assigned.ticket(), new Assign(ID, null), ANN);

        assertThat(assigned.ticket().assignee()).isEqualTo("bob");
        assertThat(assigned.events()).containsExactly(AuditEvent.of(AuditAction.ASSIGNED, "assignee", null, "bob"));
        assertTouched(assigned, 4, "ann");
        assertThat(again.changedNothing()).isTrue();
        assertThat(unassigned.ticket().assignee()).isNull();
    }

    @Test
    void adding_and_removing_tags_is_idempotent() {
        AddTags add = new AddTags(ID, List.of("vpn", "network"));
        RemoveTags remove = new RemoveTags(ID, List.of("vpn", "printer"));

        Applied added = apply(ticket().build(), add, BOB);
        Applied removed = apply(added.ticket(), remove, BOB);

        assertThat(added.ticket().tags()).containsExactly("network", "vpn");
        assertThat(added.events())
                .containsExactly(
                        AuditEvent.of(AuditAction.TAGS_ADDED, "tags", List.of("vpn"), List.of("network", "vpn")));
        assertThat(apply(added.ticket(), add, BOB).changedNothing()).isTrue();
        assertThat(removed.ticket().tags()).containsExactly("network");
        assertThat(removed.events().get(0).action()).isEqualTo(AuditAction.TAGS_REMOVED);
        assertThat(apply(removed.ticket(), remove, BOB).changedNothing()).isTrue();
    }

    @Test
    void a_comment_on_a_closed_ticket_is_allowed_and_leaves_the_ticket_as_it_was() {
        Ticket closed = ticket().status(Status.CLOSED).resolution("Fixed").build();

        Applied applied = apply(closed, new AddComment(OTHER, ID, "Still fine a week later", null), BOB);

        assertThat(applied.ticket()).isEqualTo(closed);
        assertThat(applied.effects())
                .containsExactly(comment("Still fine a week later", Visibility.PUBLIC, CommentKind.COMMENT, null));
        assertThat(applied.events().get(0).action()).isEqualTo(AuditAction.COMMENT_ADDED);
        assertThat(applied.changes()).containsEntry("visibility", new ValueChange(null, "public"));
    }

    static Stream<Command> editsOfATicket() {
        return Stream.of(
                edit(EditableField.PRIORITY, null, "p1"),
                new Assign(ID, "bob"),
                new AddTags(ID, List.of("late")),
                new RemoveTags(ID, List.of("vpn")),
                new LinkBlocker(ID, OTHER),
                new SetParent(ID, OTHER),
                new CompleteStage(ID, 0, null, null),
                Transition.to(ID, Status.IN_PROGRESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editsOfATicket")
    void a_cancelled_ticket_refuses_changes_saying_who_cancelled_it_and_when(Command command) {
        Ticket cancelled = ticket().status(Status.CANCELLED)
                .cancelReason("Duplicate")
                .plan(Plan.of(List.of("diagnose")))
                .build();

        Rejection rejection = reject(cancelled, command, DANA);

        assertThat(rejection.code()).isEqualTo(ErrorCode.TERMINAL);
        assertThat(rejection.message())
                .isEqualTo("OPS-42 was cancelled by dana at 2026-03-01 10:02 UTC and can no longer change");
    }

    @Test
    void watching_attaching_and_unwatching_stay_possible_on_a_cancelled_ticket() {
        Ticket cancelled = ticket().status(Status.CANCELLED).build();

        assertThat(apply(cancelled, new Watch(ID, null), BOB).effects())
                .containsExactly(new Effect.PutWatcher(new Watcher(ID, "bob")));
        assertThat(apply(cancelled, new Unwatch(ID, null), BOB).effects())
                .containsExactly(new Effect.RemoveWatcher(new Watcher(ID, "bob")));
        assertThat(apply(cancelled, new AddAttachment(OTHER, ID, "trace.log", null, 3L, SHA), BOB)
                        .ticket())
                .isEqualTo(cancelled);
    }

    @Test
    void completing_the_next_stage_advances_the_plan_and_files_the_stage_report() {
        Ticket planned =
                ticket().plan(Plan.of(List.of("diagnose", "fix", "verify"))).build();

        Applied applied = apply(planned, new CompleteStage(ID, 0, OTHER, "Router logs show drops"), BOB);

        assertThat(applied.ticket().plan()).isEqualTo(new Plan(List.of("diagnose", "fix", "verify"), 0));
        assertTouched(applied, 4, "bob");
        assertThat(applied.events().get(0).action()).isEqualTo(AuditAction.STAGE_COMPLETED);
        assertThat(applied.changes())
                .containsEntry("stage", new ValueChange(null, "diagnose"))
                .containsEntry("lastCompleted", new ValueChange(-1L, 0L));
        assertThat(applied.effects())
                .containsExactly(comment("Router logs show drops", Visibility.INTERNAL, CommentKind.STAGE_REPORT, 0));
    }

    @ParameterizedTest(name = "stage {0} after {1}")
    @CsvSource({
        "0, 0, CONFLICT, Stage 0 (diagnose) of OPS-42 is already complete",
        "2, 0, CONFLICT, Stage 2 (verify) of OPS-42 cannot be completed before stage 1",
        "3, 0, VALIDATION, stage: OPS-42 has only 3 stages",
        "2, 2, CONFLICT, Stage 2 (verify) of OPS-42 is already complete",
        "0, , GUARD_FAILED, OPS-42 has no plan"
    })
    void only_the_next_stage_of_the_plan_can_be_completed(
            int stage, Integer lastCompleted, ErrorCode code, String message) {
        Plan plan = lastCompleted == null ? null : new Plan(List.of("diagnose", "fix", "verify"), lastCompleted);

        Rejection rejection = reject(ticket().plan(plan).build(), new CompleteStage(ID, stage, null, null), BOB);

        assertThat(rejection).isEqualTo(new Rejection(code, message, "stage"));
    }

    @Test
    void watch_defaults_to_the_actor_may_name_someone_else_and_unwatch_removes_the_watcher() {
        Applied self = apply(ticket().build(), new Watch(ID, null), BOB);
        Applied other = apply(ticket().build(), new Watch(ID, "carol"), BOB);

        assertThat(self.effects()).containsExactly(new Effect.PutWatcher(new Watcher(ID, "bob")));
        assertThat(self.events()).containsExactly(AuditEvent.of(AuditAction.WATCHER_ADDED, "watcher", null, "bob"));
        assertThat(other.effects()).containsExactly(new Effect.PutWatcher(new Watcher(ID, "carol")));
        assertThat(self.ticket().version()).isEqualTo(3);
        Applied unwatched = apply(ticket().build(), new Unwatch(ID, "carol"), BOB);
        assertThat(unwatched.effects()).containsExactly(new Effect.RemoveWatcher(new Watcher(ID, "carol")));
        assertThat(unwatched.events())
                .containsExactly(AuditEvent.of(AuditAction.WATCHER_REMOVED, "watcher", "carol", null));
    }

    @Test
    void linking_a_blocker_is_idempotent_and_unlinking_removes_it() {
        Applied linked = apply(ticket().build(), new LinkBlocker(ID, OTHER), BOB);
        Applied linkedAgain = apply(linked.ticket(), new LinkBlocker(ID, OTHER), BOB);
        Applied unlinked = apply(linked.ticket(), new UnlinkBlocker(ID, OTHER), BOB);
        Applied unlinkedAgain = apply(unlinked.ticket(), new UnlinkBlocker(ID, OTHER), BOB);

        assertThat(linked.ticket().blockedBy()).containsExactly(OTHER);
        assertThat(linked.events().get(0).action()).isEqualTo(AuditAction.BLOCKER_LINKED);
        assertThat(linked.changes()).containsEntry("blockedBy", new ValueChange(List.of(), List.of(OTHER.toString())));
        assertThat(linkedAgain.changedNothing()).isTrue();
        assertThat(unlinked.ticket().blockedBy()).isEmpty();
        assertThat(unlinked.events().get(0).action()).isEqualTo(AuditAction.BLOCKER_UNLINKED);
        assertThat(unlinked.ticket().version()).isEqualTo(5);
        assertThat(unlinkedAgain.changedNothing()).isTrue();
    }

    @Test
    void set_parent_attaches_and_null_detaches() {
        Applied attached = apply(ticket().build(), new SetParent(ID, OTHER), BOB);
        Applied detached = apply(attached.ticket(), new SetParent(ID, null), BOB);

        assertThat(attached.ticket().parentId()).isEqualTo(OTHER);
        assertThat(attached.events())
                .containsExactly(AuditEvent.of(AuditAction.PARENT_SET, "parentId", null, OTHER.toString()));
        assertThat(detached.ticket().parentId()).isNull();
    }

    @Test
    void add_attachment_records_its_metadata_with_uploader_and_time() {
        Applied applied = apply(ticket().build(), new AddAttachment(OTHER, ID, "trace.log", null, 1234L, SHA), BOB);

        assertThat(applied.effects())
                .containsExactly(new Effect.PutAttachment(
                        new Attachment(OTHER, ID, "trace.log", "application/octet-stream", 1234L, SHA, "bob", NOW)));
        assertThat(applied.changes()).containsEntry("fileName", new ValueChange(null, "trace.log"));
        assertThat(applied.events().get(0).action()).isEqualTo(AuditAction.ATTACHMENT_ADDED);
    }

    @Test
    void resolving_sets_the_resolution_and_closing_keeps_it() {
        Applied resolved =
                apply(ticket().build(), new Transition(ID, Status.RESOLVED, "Replaced the router", null), BOB);
        Applied closed = apply(resolved.ticket(), Transition.to(ID, Status.CLOSED), BOB);

        assertThat(resolved.ticket().resolution()).isEqualTo("Replaced the router");
        assertThat(resolved.events().get(0).action()).isEqualTo(AuditAction.STATUS_CHANGED);
        assertThat(resolved.changes())
                .containsEntry("status", new ValueChange("triaged", "resolved"))
                .containsEntry("resolution", new ValueChange(null, "Replaced the router"));
        assertThat(closed.ticket().resolution()).isEqualTo("Replaced the router");
        assertThat(closed.changes()).containsOnlyKeys("status");
    }

    @Test
    void reopening_clears_the_resolution_and_is_recorded_as_a_reopen() {
        Ticket resolved = ticket().status(Status.RESOLVED)
                .assignee("bob")
                .resolution("Fixed")
                .build();

        Applied applied = apply(resolved, Transition.to(ID, Status.IN_PROGRESS), DANA);

        assertThat(applied.ticket().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(applied.ticket().resolution()).isNull();
        assertThat(applied.events().get(0).action()).isEqualTo(AuditAction.TICKET_REOPENED);
        assertThat(applied.changes()).containsEntry("resolution", new ValueChange("Fixed", null));
        assertTouched(applied, 4, "dana");
    }

    @Test
    void cancelling_records_the_reason_as_ticket_cancelled() {
        Applied applied =
                apply(ticket().build(), new Transition(ID, Status.CANCELLED, null, "Duplicate of OPS-7"), ANN);

        assertThat(applied.ticket().status()).isEqualTo(Status.CANCELLED);
        assertThat(applied.ticket().cancelReason()).isEqualTo("Duplicate of OPS-7");
        assertThat(applied.events().get(0).action()).isEqualTo(AuditAction.TICKET_CANCELLED);
        assertThat(applied.changes()).containsEntry("cancelReason", new ValueChange(null, "Duplicate of OPS-7"));
    }
}
