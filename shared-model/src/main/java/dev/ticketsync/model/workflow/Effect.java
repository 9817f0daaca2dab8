package dev.ticketsync.model.workflow;

import dev.ticketsync.model.domain.Attachment;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Watcher;

/** A row besides the ticket itself that a command writes. Each is idempotent, so a rebase may replay it. */
public sealed interface Effect {

    record PutComment(Comment comment) implements Effect {}

    record PutWatcher(Watcher watcher) implements Effect {}

    record RemoveWatcher(Watcher watcher) implements Effect {}

    record PutAttachment(Attachment attachment) implements Effect {}
}
