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
import dev.ticketsync.model.domain.Plan;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The role table next to the workflow (issue 2): agent < lead < admin, checked per command. */
class RolePolicyTest {

    /** The least role of each permission, as the issue words it. */
    private static final Map<Permission, Role> EXPECTED = Map.ofEntries(
            Map.entry(Permission.CREATE_TICKET, Role.AGENT),
            Map.entry(Permission.EDIT_TICKET, Role.AGENT),
            Map.entry(Permission.COMMENT, Role.AGENT),
            Map.entry(Permission.ASSIGN, Role.AGENT),
            Map.entry(Permission.LINK, Role.AGENT),
            Map.entry(Permission.WATCH, Role.AGENT),
            Map.entry(Permission.TRANSITION, Role.AGENT),
            Map.entry(Permission.CANCEL_OWN_TICKET, Role.AGENT),
            Map.entry(Permission.READ_TICKET_AUDIT, Role.AGENT),
            Map.entry(Permission.READ_INTERNAL_COMMENTS, Role.AGENT),
            Map.entry(Permission.CANCEL_ANY_TICKET, Role.LEAD),
            Map.entry(Permission.REOPEN_TICKET, Role.LEAD),
            Map.entry(Permission.READ_ADMIN_CONSOLE, Role.LEAD),
            Map.entry(Permission.MANAGE_USERS, Role.ADMIN),
            Map.entry(Permission.MANAGE_TOKENS, Role.ADMIN),
            Map.entry(Permission.MANAGE_WEBHOOKS, Role.ADMIN));

    private static final Workflow WORKFLOW = Workflow.standard();
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final UUID OTHER = UUID.fromString("0190d5a0-0000-7000-8000-000000000007");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Actor ANN = new Actor("ann", Role.AGENT);
    private static final Actor BOB = new Actor("bob", Role.AGENT);
    private static final Actor LEE = new Actor("lee", Role.LEAD);
    private static final Actor ROOT = new Actor("root", Role.ADMIN);
    private static final String SHA = "a".repeat(64);

    private static Ticket.Builder ticket(Status status) {
        return Ticket.builder()
                .id(ID)
                .key("OPS-42")
                .title("VPN drops every hour")
                .description("Since Monday")
                .status(status)
                .reporter("ann")
                .assignee("bob")
                .updatedBy("ann")
                .version(3);
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void each_permission_needs_the_role_the_issue_gives_it(Permission permission) {
        Role least = EXPECTED.get(permission);
        assertThat(least)
                .as("no expectation for %s: add it to the role table", permission)
                .isNotNull();

        assertThat(RolePolicy.leastRole(permission)).isEqualTo(least);
        for (Role role : Role.values()) {
            assertThat(RolePolicy.allows(role, permission))
                    .as("%s may %s", role, permission)
                    .isEqualTo(role.compareTo(least) >= 0);
        }
    }

    @Test
    void roles_are_ordered_agent_lead_admin() {
        assertThat(Role.ADMIN.atLeast(Role.LEAD)).isTrue();
        assertThat(Role.LEAD.atLeast(Role.AGENT)).isTrue();
        assertThat(Role.LEAD.atLeast(Role.LEAD)).isTrue();
        assertThat(Role.AGENT.atLeast(Role.LEAD)).isFalse();
        assertThat(Role.LEAD.atLeast(Role.ADMIN)).isFalse();
    }

    @Test
    void only_admins_manage_users_tokens_and_webhooks() {
        for (Permission manage :
                List.of(Permission.MANAGE_USERS, Permission.MANAGE_TOKENS, Permission.MANAGE_WEBHOOKS)) {
            assertThat(RolePolicy.allows(Role.LEAD, manage))
                    .as("lead may %s", manage)
                    .isFalse();
            assertThat(RolePolicy.allows(Role.ADMIN, manage))
                    .as("admin may %s", manage)
                    .isTrue();
        }
    }

    static Stream<Arguments> commandsAndTheirPermission() {
        Ticket open = ticket(Status.TRIAGED).build();
        Ticket resolved = ticket(Status.RESOLVED).resolution("Fixed").build();
        return Stream.of(
                Arguments.of(null, CreateTicket.of(ID, "Printer jams"), ANN, Permission.CREATE_TICKET),
                Arguments.of(
                        open,
                        EditFields.of(ID, EditableField.PRIORITY, FieldEdit.to("p1")),
                        BOB,
                        Permission.EDIT_TICKET),
                Arguments.of(open, Transition.to(ID, Status.WAITING), BOB, Permission.TRANSITION),
                Arguments.of(
                        open, new Transition(ID, Status.CANCELLED, null, "dup"), ANN, Permission.CANCEL_OWN_TICKET),
                Arguments.of(
                        open, new Transition(ID, Status.CANCELLED, null, "dup"), BOB, Permission.CANCEL_ANY_TICKET),
                Arguments.of(resolved, Transition.to(ID, Status.IN_PROGRESS), BOB, Permission.REOPEN_TICKET),
                Arguments.of(resolved, Transition.to(ID, Status.CLOSED), BOB, Permission.TRANSITION),
                Arguments.of(open, new Assign(ID, "bob"), ANN, Permission.ASSIGN),
                Arguments.of(open, new AddTags(ID, List.of("vpn")), BOB, Permission.EDIT_TICKET),
                Arguments.of(open, new RemoveTags(ID, List.of("vpn")), BOB, Permission.EDIT_TICKET),
                Arguments.of(open, new AddComment(OTHER, ID, "Looking", null), BOB, Permission.COMMENT),
                Arguments.of(open, new CompleteStage(ID, 0, null, null), BOB, Permission.EDIT_TICKET),
                Arguments.of(open, new Watch(ID, null), BOB, Permission.WATCH),
                Arguments.of(open, new Unwatch(ID, null), BOB, Permission.WATCH),
                Arguments.of(open, new LinkBlocker(ID, OTHER), BOB, Permission.LINK),
                Arguments.of(open, new UnlinkBlocker(ID, OTHER), BOB, Permission.LINK),
                Arguments.of(open, new SetParent(ID, OTHER), BOB, Permission.LINK),
                Arguments.of(
                        open,
                        new AddAttachment(OTHER, ID, "log.txt", "text/plain", 10L, SHA),
                        BOB,
                        Permission.EDIT_TICKET));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commandsAndTheirPermission")
    void each_command_needs_its_permission(Ticket ticket, Command command, Actor actor, Permission expected) {
        assertThat(RolePolicy.required(command, ticket, actor)).isEqualTo(expected);
    }

    static Stream<Command> everydayWorkOfAnAgent() {
        return Stream.of(
                EditFields.of(ID, EditableField.DESCRIPTION, FieldEdit.from("Since Monday", "Since Sunday")),
                Transition.to(ID, Status.IN_PROGRESS),
                new Assign(ID, "ann"),
                new AddTags(ID, List.of("vpn")),
                new AddComment(OTHER, ID, "Looking into it", null),
                new CompleteStage(ID, 0, null, null),
                new Watch(ID, null),
                new LinkBlocker(ID, OTHER),
                new SetParent(ID, OTHER),
                new AddAttachment(OTHER, ID, "log.txt", "text/plain", 10L, SHA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everydayWorkOfAnAgent")
    void an_agent_may_do_the_everyday_work_on_a_ticket_someone_else_reported(Command command) {
        Ticket ticket =
                ticket(Status.TRIAGED).plan(Plan.of(List.of("diagnose"))).build();

        Outcome outcome = WORKFLOW.apply(ticket, command, BOB, NOW);

        assertThat(outcome).isInstanceOf(Applied.class);
        assertThat(((Applied) outcome).changedNothing()).isFalse();
    }

    @Test
    void an_agent_may_create_a_ticket() {
        assertThat(WORKFLOW.apply(null, CreateTicket.of(ID, "Printer jams"), BOB, NOW))
                .isInstanceOf(Applied.class);
    }

    @Test
    void an_agent_cannot_cancel_a_ticket_someone_else_reported() {
        Outcome outcome =
                WORKFLOW.apply(ticket(Status.NEW).build(), new Transition(ID, Status.CANCELLED, null, "dup"), BOB, NOW);

        assertThat(outcome).isEqualTo(Rejection.of(ErrorCode.FORBIDDEN, "Your role may not transition to Cancelled"));
    }

    @Test
    void an_agent_may_cancel_a_ticket_they_reported() {
        Outcome outcome =
                WORKFLOW.apply(ticket(Status.NEW).build(), new Transition(ID, Status.CANCELLED, null, "dup"), ANN, NOW);

        assertThat(outcome).isInstanceOf(Applied.class);
        assertThat(((Applied) outcome).ticket().status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void an_agent_cannot_reopen_a_resolved_ticket() {
        Ticket resolved = ticket(Status.RESOLVED).resolution("Fixed").build();

        Outcome outcome = WORKFLOW.apply(resolved, Transition.to(ID, Status.IN_PROGRESS), ANN, NOW);

        assertThat(outcome).isEqualTo(Rejection.of(ErrorCode.FORBIDDEN, "Your role may not transition to In progress"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"LEAD", "ADMIN"})
    void a_lead_or_admin_may_cancel_any_ticket_and_reopen_a_resolved_one(Role role) {
        Actor actor = role == Role.LEAD ? LEE : ROOT;
        Ticket resolved = ticket(Status.RESOLVED).resolution("Fixed").build();

        Outcome cancel = WORKFLOW.apply(
                ticket(Status.NEW).build(), new Transition(ID, Status.CANCELLED, null, "dup"), actor, NOW);
        Outcome reopen = WORKFLOW.apply(resolved, Transition.to(ID, Status.IN_PROGRESS), actor, NOW);

        assertThat(cancel).isInstanceOf(Applied.class);
        assertThat(reopen).isInstanceOf(Applied.class);
        assertThat(((Applied) reopen).ticket().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void the_role_is_checked_before_the_guards_look_at_the_input() {
        Outcome outcome = WORKFLOW.apply(ticket(Status.NEW).build(), Transition.to(ID, Status.CANCELLED), BOB, NOW);

        assertThat(outcome).isInstanceOf(Rejection.class);
        assertThat(((Rejection) outcome).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }
}
