package dev.ticketsync.model.command;

import dev.ticketsync.model.domain.WireName;

/** Every command of DESIGN.md §4, by its wire name ({@code create_ticket}), with the record that carries its args. */
public enum CommandName implements WireName {
    CREATE_TICKET(CreateTicket.class),
    EDIT_FIELDS(EditFields.class),
    TRANSITION(Transition.class),
    ASSIGN(Assign.class),
    ADD_TAGS(AddTags.class),
    REMOVE_TAGS(RemoveTags.class),
    ADD_COMMENT(AddComment.class),
    COMPLETE_STAGE(CompleteStage.class),
    WATCH(Watch.class),
    UNWATCH(Unwatch.class),
    LINK_BLOCKER(LinkBlocker.class),
    UNLINK_BLOCKER(UnlinkBlocker.class),
    SET_PARENT(SetParent.class),
    ADD_ATTACHMENT(AddAttachment.class);

    private final Class<? extends Command> argsType;

    CommandName(Class<? extends Command> argsType) {
        this.argsType = argsType;
    }

    public Class<? extends Command> argsType() {
        return argsType;
    }

    public static CommandName of(Command command) {
        for (CommandName name : values()) {
            if (name.argsType == command.getClass()) {
                return name;
            }
        }
        throw new IllegalStateException("no name for " + command.getClass());
    }
}
