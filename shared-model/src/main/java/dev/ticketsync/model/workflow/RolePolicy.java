package dev.ticketsync.model.workflow;

import dev.ticketsync.model.command.AddAttachment;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CompleteStage;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.LinkBlocker;
import dev.ticketsync.model.command.RemoveTags;
import dev.ticketsync.model.command.SetParent;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.UnlinkBlocker;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The role rules, as a table: the least role each permission needs. Agents create, edit, comment, assign, link, watch
 * and move tickets through the workflow, and cancel only tickets they reported; leads may also cancel any ticket,
 * reopen resolved ones and read the admin console; admins may also manage users, tokens and webhooks.
 */
public final class RolePolicy {

    private static final Map<Permission, Role> LEAST_ROLE = table();

    private RolePolicy() {}

    private static Map<Permission, Role> table() {
        Map<Permission, Role> table = new EnumMap<>(Permission.class);
        table.put(Permission.CREATE_TICKET, Role.AGENT);
        table.put(Permission.EDIT_TICKET, Role.AGENT);
        table.put(Permission.COMMENT, Role.AGENT);
        table.put(Permission.ASSIGN, Role.AGENT);
        table.put(Permission.LINK, Role.AGENT);
        table.put(Permission.WATCH, Role.AGENT);
        table.put(Permission.TRANSITION, Role.AGENT);
        table.put(Permission.CANCEL_OWN_TICKET, Role.AGENT);
        table.put(Permission.READ_TICKET_AUDIT, Role.AGENT);
        table.put(Permission.READ_INTERNAL_COMMENTS, Role.AGENT);
        table.put(Permission.CANCEL_ANY_TICKET, Role.LEAD);
        table.put(Permission.REOPEN_TICKET, Role.LEAD);
        table.put(Permission.READ_ADMIN_CONSOLE, Role.LEAD);
        table.put(Permission.MANAGE_USERS, Role.ADMIN);
        table.put(Permission.MANAGE_TOKENS, Role.ADMIN);
        table.put(Permission.MANAGE_WEBHOOKS, Role.ADMIN);
        return Collections.unmodifiableMap(table);
    }

    public static Role leastRole(Permission permission) {
        return LEAST_ROLE.get(permission);
    }

    public static boolean allows(Role role, Permission permission) {
        return role.atLeast(LEAST_ROLE.get(permission));
    }

    /** The permission running {@code command} on {@code ticket} (null for a create) needs from {@code actor}. */
    public static Permission required(Command command, Ticket ticket, Actor actor) {
        if (command instanceof CreateTicket) {
            return Permission.CREATE_TICKET;
        } else if (command instanceof Transition transition) {
            return forTransition(ticket, transition.to(), actor);
        } else if (command instanceof Assign) {
            return Permission.ASSIGN;
        } else if (command instanceof AddComment) {
            return Permission.COMMENT;
        } else if (command instanceof Watch || command instanceof Unwatch) {
            return Permission.WATCH;
        } else if (command instanceof LinkBlocker || command instanceof UnlinkBlocker || command instanceof SetParent) {
            return Permission.LINK;
        } else if (command instanceof EditFields
                || command instanceof AddTags
                || command instanceof RemoveTags
                || command instanceof CompleteStage
                || command instanceof AddAttachment) {
            return Permission.EDIT_TICKET;
        }
        throw new IllegalStateException("no permission for " + command.name());
    }

    static Permission forTransition(Ticket ticket, Status to, Actor actor) {
        if (to == Status.CANCELLED) {
            return actor.login().equals(ticket.reporter())
                    ? Permission.CANCEL_OWN_TICKET
                    : Permission.CANCEL_ANY_TICKET;
        }
        if (ticket.status() == Status.RESOLVED && to == Status.IN_PROGRESS) {
            return Permission.REOPEN_TICKET;
        }
        return Permission.TRANSITION;
    }
}
