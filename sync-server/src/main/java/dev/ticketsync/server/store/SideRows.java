package dev.ticketsync.server.store;

import dev.ticketsync.model.domain.Attachment;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.CommentKind;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.domain.Watcher;
import dev.ticketsync.model.domain.WireName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rows a command writes beside its ticket: comments, watchers, attachments. Each write is idempotent. */
public final class SideRows {

    private final String commentUpsert;
    private final String watcherUpsert;
    private final String attachmentUpsert;

    public SideRows(Dialect dialect) {
        commentUpsert = dialect.upsert(
                "comments",
                1,
                "id",
                "ticket_id",
                "author",
                "body",
                "visibility",
                "kind",
                "stage",
                "created_at",
                "edited_at");
        watcherUpsert = dialect.upsert("watchers", 2, "ticket_id", "user_login");
        attachmentUpsert = dialect.upsert(
                "attachments",
                1,
                "id",
                "ticket_id",
                "file_name",
                "media_type",
                "size_bytes",
                "sha256",
                "uploaded_by",
                "uploaded_at");
    }

    public void put(Connection c, Comment comment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(commentUpsert)) {
            s.setObject(1, comment.id());
            s.setObject(2, comment.ticketId());
            s.setString(3, comment.author());
            s.setString(4, comment.body());
            s.setString(5, comment.visibility().wire());
            s.setString(6, comment.kind().wire());
            s.setObject(7, comment.stage());
            Rows.instant(s, 8, comment.createdAt());
            Rows.instant(s, 9, comment.editedAt());
            s.executeUpdate();
        }
    }

    public List<Comment> comments(Connection c, UUID ticketId) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT * FROM comments WHERE ticket_id = ? ORDER BY created_at, id")) {
            s.setObject(1, ticketId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    comments.add(new Comment(
                            Rows.uuid(r, "id"),
                            Rows.uuid(r, "ticket_id"),
                            r.getString("author"),
                            r.getString("body"),
                            WireName.parse(Visibility.class, r.getString("visibility"))
                                    .orElseThrow(),
                            WireName.parse(CommentKind.class, r.getString("kind"))
                                    .orElseThrow(),
                            (Integer) r.getObject("stage"),
                            Rows.instant(r, "created_at"),
                            Rows.instant(r, "edited_at")));
                }
            }
        }
        return comments;
    }

    public void put(Connection c, Watcher watcher) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(watcherUpsert)) {
            s.setObject(1, watcher.ticketId());
            s.setString(2, watcher.user());
            s.executeUpdate();
        }
    }

    public void remove(Connection c, Watcher watcher) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM watchers WHERE ticket_id = ? AND user_login = ?")) {
            s.setObject(1, watcher.ticketId());
            s.setString(2, watcher.user());
            s.executeUpdate();
        }
    }

    public void put(Connection c, Attachment attachment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(attachmentUpsert)) {
            s.setObject(1, attachment.id());
            s.setObject(2, attachment.ticketId());
            s.setString(3, attachment.fileName());
            s.setString(4, attachment.mediaType());
            s.setLong(5, attachment.size());
            s.setString(6, attachment.sha256());
            s.setString(7, attachment.uploadedBy());
            Rows.instant(s, 8, attachment.uploadedAt());
            s.executeUpdate();
        }
    }
}
