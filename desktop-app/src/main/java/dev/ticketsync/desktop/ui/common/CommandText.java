package dev.ticketsync.desktop.ui.common;

import dev.ticketsync.model.command.AddAttachment;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.AddTags;
import dev.ticketsync.model.command.Assign;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CompleteStage;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.RemoveTags;
import dev.ticketsync.model.command.SetParent;
import dev.ticketsync.model.command.Transition;
import java.util.stream.Collectors;

/** A command in the words a person uses for it: "Move to Resolved", "Edit description", "Assign to bob". */
public final class CommandText {

    private CommandText() {}

    public static String of(Command command) {
        if (command instanceof CreateTicket create) {
            return "Create \"" + create.title() + "\"";
        } else if (command instanceof EditFields edit) {
            return "Edit "
                    + edit.changes().keySet().stream()
                            .map(field -> field.wire().replace('_', ' '))
                            .collect(Collectors.joining(", "));
        } else if (command instanceof Transition transition) {
            return "Move to " + transition.to().label();
        } else if (command instanceof Assign assign) {
            return assign.assignee() == null ? "Unassign" : "Assign to " + assign.assignee();
        } else if (command instanceof AddTags tags) {
            return "Add tags " + String.join(", ", tags.tags());
        } else if (command instanceof RemoveTags tags) {
            return "Remove tags " + String.join(", ", tags.tags());
        } else if (command instanceof AddComment comment) {
            return "Comment \"" + shorten(comment.body()) + "\"";
        } else if (command instanceof CompleteStage stage) {
            return "Complete stage " + stage.stage();
        } else if (command instanceof SetParent parent) {
            return parent.parentId() == null ? "Clear the parent" : "Set the parent";
        } else if (command instanceof AddAttachment attachment) {
            return "Attach " + attachment.fileName();
        }
        return command.name().wire().replace('_', ' ');
    }

    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }
}
