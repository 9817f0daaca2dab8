package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Visibility;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A ticket's comments, oldest first, each a card that wraps to the pane's width; internal notes stand out. A plain
 * scrolling column, not a virtualized list: a ticket has tens of comments, and wrapped text then always measures right.
 */
final class CommentTimeline {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private final VBox cards = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(cards);

    CommentTimeline(ObservableList<Comment> comments) {
        cards.setPadding(new Insets(8));
        cards.getStyleClass().add("comment-timeline");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        comments.addListener((ListChangeListener<Comment>) change -> show(comments));
        show(comments);
    }

    Node node() {
        return scroll;
    }

    private void show(ObservableList<Comment> comments) {
        cards.getChildren().clear();
        if (comments.isEmpty()) {
            Label none = new Label("No comments yet.");
            none.getStyleClass().add("text-muted");
            cards.getChildren().add(none);
        }
        for (Comment comment : comments) {
            cards.getChildren().add(card(comment));
        }
        scroll.setVvalue(1.0);
    }

    private static Node card(Comment comment) {
        boolean note = comment.visibility() == Visibility.INTERNAL;
        Label header = new Label((note ? "Internal note · " : "") + comment.author() + " · "
                + (comment.createdAt() == null ? "not yet synced" : WHEN.format(comment.createdAt())));
        header.getStyleClass().add("comment-header");
        Label body = new Label(comment.body());
        body.setWrapText(true);
        VBox card = new VBox(4, header, body);
        card.getStyleClass().add("comment-card");
        if (note) {
            card.getStyleClass().add("internal-note");
        }
        return card;
    }
}
