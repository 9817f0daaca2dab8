package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected ticket: Overview (fields, legal transitions), Comments (timeline, Ctrl+Enter sends), History. */
final class DetailPane {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private final MainViewModel model;
    private final TabPane tabs = new TabPane();
    private final TextArea newComment = new TextArea();
    private final CheckBox internal = new CheckBox("Internal note");
    private final TicketOverview overview;

    DetailPane(MainViewModel model) {
        this.model = model;
        this.overview = new TicketOverview(model, this::transition);
        build();
        model.selectedProperty().addListener((o, before, ticket) -> overview.show(ticket));
    }

    TabPane node() {
        return tabs;
    }

    void focusOverview() {
        tabs.getSelectionModel().select(0);
        tabs.requestFocus();
    }

    void focusComment() {
        tabs.getSelectionModel().select(1);
        newComment.requestFocus();
    }

    private void build() {
        CommentTimeline timeline = new CommentTimeline(model.comments());
        newComment.setPromptText("Write a comment — Ctrl+Enter sends");
        newComment.setPrefRowCount(3);
        newComment.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                sendComment();
                event.consume();
            }
        });
        Button send = new Button("Send");
        send.setOnAction(event -> sendComment());
        VBox comments = new VBox(8, timeline.node(), newComment, new FlowPane(8, 8, internal, send));
        VBox.setVgrow(timeline.node(), Priority.ALWAYS);
        comments.setPadding(new Insets(8));

        ListView<AuditEntry> history = new ListView<>(model.history());
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : describe(entry));
            }
        });
        tabs.getTabs()
                .addAll(
                        new Tab("Overview", overview.node()),
                        new Tab("Comments", comments),
                        new Tab("History", history));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /** Asks for what the target needs (a resolution, a cancel reason), then moves the ticket. */
    void transition(Status status) {
        Ticket ticket = model.selectedProperty().get();
        if (ticket == null) {
            return;
        }
        String resolution = null;
        String reason = null;
        if (status == Status.RESOLVED) {
            resolution = ask("Resolve " + ticket.displayKey(), "Resolution").orElse(null);
            if (resolution == null) {
                return;
            }
        } else if (status == Status.CANCELLED) {
            reason = ask("Cancel " + ticket.displayKey(), "Reason").orElse(null);
            if (reason == null) {
                return;
            }
        }
        model.actions().transition(List.of(ticket), status, resolution, reason);
    }

    private static java.util.Optional<String> ask(String header, String prompt) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setHeaderText(header);
        dialog.setContentText(prompt);
        return dialog.showAndWait().filter(text -> !text.isBlank());
    }

    private void sendComment() {
        Ticket ticket = model.selectedProperty().get();
        if (ticket != null && !newComment.getText().isBlank()) {
            model.actions().comment(ticket, newComment.getText(), internal.isSelected());
            newComment.clear();
        }
    }

    static String describe(AuditEntry entry) {
        String changes = entry.changes().entrySet().stream()
                .map(change -> change.getKey() + ": " + value(change.getValue().old()) + " → "
                        + value(change.getValue().newValue()))
                .collect(Collectors.joining("; "));
        return WHEN.format(entry.at()) + "  " + (entry.actor() == null ? "system" : entry.actor()) + "  "
                + entry.action().name().toLowerCase().replace('_', ' ') + (changes.isEmpty() ? "" : "  —  " + changes);
    }

    private static String value(Object value) {
        if (value == null) {
            return "∅";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
