package dev.ticketsync.model.workflow;

/** What a role may do. {@link RolePolicy} says which role each needs. */
public enum Permission {
    CREATE_TICKET,
    EDIT_TICKET,
    COMMENT,
    ASSIGN,
    LINK,
    WATCH,
    TRANSITION,
    CANCEL_OWN_TICKET,
    CANCEL_ANY_TICKET,
    REOPEN_TICKET,
    READ_TICKET_AUDIT,
    READ_INTERNAL_COMMENTS,
    READ_ADMIN_CONSOLE,
    MANAGE_USERS,
    MANAGE_TOKENS,
    MANAGE_WEBHOOKS
}
