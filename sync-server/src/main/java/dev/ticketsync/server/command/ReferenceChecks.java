package dev.ticketsync.server.command;

import dev.ticketsync.model.command.AddAttachment;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CompleteStage;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.LinkBlocker;
import dev.ticketsync.model.command.SetParent;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.workflow.Rejection;
import dev.ticketsync.server.store.TicketRows;
import dev.ticketsync.server.store.UserRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules the workflow cannot check on one ticket alone because they need the database: that named users and
 * tickets exist, that links make no cycles, that a new comment or attachment id is not taken.
 */
final class ReferenceChecks {

    private static final int MAX_WALK = 10_000;

    private final TicketRows tickets;
    private final UserRows users;

    ReferenceChecks(TicketRows tickets, UserRows users) {
        this.tickets = tickets;
        this.users = users;
    }

    Optional<Rejection> check(Connection c, Command command) throws SQLException {
        if (command instanceof CreateTicket create) {
            return firstOf(
                    activeUser(c, "assignee", create.assignee()), existingParent(c, create.id(), create.parentId()));
        } else if (command instanceof Assign assign) {
            return activeUser(c, "assignee", assign.assignee());
        } else if (command instanceof EditFields edit) {
            FieldEdit assignee = edit.changes().get(EditableField.ASSIGNEE);
            return assignee == null ? Optional.empty() : activeUser(c, "changes.assignee.value", assignee.value());
        } else if (command instanceof Watch watch) {
            return activeUser(c, "user", watch.user());
        } else if (command instanceof Unwatch unwatch) {
            return unwatch.user() == null ? Optional.empty() : knownUser(c, "user", unwatch.user());
        } else if (command instanceof LinkBlocker link) {
            return blocker(c, link);
        } else if (command instanceof SetParent parent) {
            return existingParent(c, parent.ticketId(), parent.parentId());
        } else if (command instanceof AddComment comment) {
            return unusedId(c, "comments", "id", comment.id());
        } else if (command instanceof CompleteStage stage && stage.commentId() != null) {
            return unusedId(c, "comments", "commentId", stage.commentId());
        } else if (command instanceof AddAttachment attachment) {
            return unusedId(c, "attachments", "id", attachment.id());
        }
        return Optional.empty();
    }

    private Optional<Rejection> activeUser(Connection c, String field, String login) throws SQLException {
        if (login == null) {
            return Optional.empty();
        }
        var account = users.find(c, login);
        if (account.isEmpty()) {
            return reject(ErrorCode.VALIDATION, field, "there is no user '" + login + "'");
        }
        return account.get().user().active()
                ? Optional.empty()
                : reject(ErrorCode.VALIDATION, field, "user '" + login + "' is deactivated");
    }

    private Optional<Rejection> knownUser(Connection c, String field, String login) throws SQLException {
        return users.find(c, login).isPresent()
                ? Optional.empty()
                : reject(ErrorCode.VALIDATION, field, "there is no user '" + login + "'");
    }

    private Optional<Rejection> existingParent(Connection c, UUID ticketId, UUID parentId) throws SQLException {
        if (parentId == null) {
            return Optional.empty();
        }
        Set<UUID> seen = new HashSet<>();
        UUID at = parentId;
        while (at != null && seen.size() < MAX_WALK) {
            if (at.equals(ticketId)) {
                return reject(ErrorCode.VALIDATION, "parentId", "that parent would make a cycle of parents");
            }
            seen.add(at);
            Optional<Ticket> ticket = tickets.find(c, at);
            if (ticket.isEmpty()) {
                return at.equals(parentId)
                        ? reject(ErrorCode.NOT_FOUND, "parentId", "there is no ticket " + parentId)
                        : Optional.empty();
            }
            at = ticket.get().parentId();
        }
        return Optional.empty();
    }

    private Optional<Rejection> blocker(Connection c, LinkBlocker link) throws SQLException {
        Optional<Ticket> blocker = tickets.find(c, link.blockerId());
        if (blocker.isEmpty()) {
            return reject(ErrorCode.NOT_FOUND, "blockerId", "there is no ticket " + link.blockerId());
        }
        if (!blocker.get().isOpen()) {
            return reject(
                    ErrorCode.VALIDATION,
                    "blockerId",
                    blocker.get().displayKey() + " is already "
                            + blocker.get().status().label().toLowerCase());
        }
        // Walk what the blocker waits for: reaching the ticket itself would deadlock both.
        Deque<UUID> queue = new ArrayDeque<>(blocker.get().blockedBy());
        Set<UUID> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_WALK) {
            UUID next = queue.poll();
            if (next.equals(link.ticketId())) {
                return reject(ErrorCode.VALIDATION, "blockerId", "that link would make tickets block each other");
            }
            if (seen.add(next)) {
                tickets.find(c, next).ifPresent(t -> queue.addAll(t.blockedBy()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> unusedId(Connection c, String table, String field, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? reject(ErrorCode.CONFLICT, field, "id " + id + " is already taken")
                        : Optional.empty();
            }
        }
    }

    @SafeVarargs
    private static Optional<Rejection> firstOf(Optional<Rejection>... checks) {
        for (Optional<Rejection> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(ErrorCode code, String field, String message) {
        return Optional.of(new Rejection(code, field + ": " + message, field));
    }
}
