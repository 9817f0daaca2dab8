package dev.ticketsync.model.command;

import java.util.UUID;

/**
 * A change someone asks for. Every write in TicketSync is one of these, run through the workflow by both the desktop
 * (optimistically) and the server (authoritatively). Records validate their fields on construction, so a command that
 * exists is well-formed; whether it is allowed is the workflow's call.
 */
public sealed interface Command
        permits CreateTicket,
                EditFields,
                Transition,
                Assign,
                AddTags,
                RemoveTags,
                AddComment,
                CompleteStage,
                Watch,
                Unwatch,
                LinkBlocker,
                UnlinkBlocker,
                SetParent,
                AddAttachment {

    /** The ticket this command is about (the new ticket's id for {@link CreateTicket}). */
    UUID ticketId();

    default CommandName name() {
        return CommandName.of(this);
    }
}
