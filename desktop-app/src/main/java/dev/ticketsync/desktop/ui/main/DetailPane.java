package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.Visibility;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected ticket: Overview (fields, legal transitions), Comments (timeline, Ctrl+Enter sends), History. */
final class DetailPane {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private final MainViewModel model;
    private final TabPane tabs = new TabPane();
    private final Label key = new Label();
    private final Label title = new Label();
    private final GridPane fields = new GridPane();
    private final Label description = new Label();
    private final FlowPane actions = new FlowPane(8, 8);
    private final TextArea newComment = new TextArea();
    private final CheckBox internal = new CheckBox("Internal note");

    DetailPane(MainViewModel model) {
        this.model = model;
        build();
        model.selectedProperty().addListener((o, before, ticket) -> show(ticket));
        model.transitions().addListener((javafx.collections.ListChangeListener<Status>) change -> showActions());
    }

    TabPane node() {
        return tabs;
    }

    void focusComment() {
        tabs.getSelectionModel().select(1);
        newComment.requestFocus();
    }

    private void build() {
        key.getStyleClass().add("text-muted");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        description.setWrapText(true);
        fields.setHgap(16);
        fields.setVgap(6);
        VBox overview = new VBox(12, key, title, fields, new Label("Move to"), actions, description);
        overview.setPadding(new Insets(16));

        ListView<Comment> timeline = new ListView<>(model.comments());
        timeline.setCellFactory(list -> new ListCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                // Bound to the list's width, so long comments wrap instead of running off behind a scrollbar.
                text.prefWidthProperty().bind(list.widthProperty().subtract(36));
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(Comment comment, boolean empty) {
                super.updateItem(comment, empty);
                getStyleClass().remove("internal-note");
                setText(null);
                if (empty || comment == null) {
                    setGraphic(null);
                    return;
                }
                boolean note = comment.visibility() == Visibility.INTERNAL;
                if (note) {
                    getStyleClass().add("internal-note");
                }
                text.setText((note ? "INTERNAL NOTE · " : "") + comment.author() + " · "
                        + (comment.createdAt() == null ? "" : WHEN.format(comment.createdAt())) + "\n"
                        + comment.body());
                setGraphic(text);
            }
        });
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
        VBox comments = new VBox(8, timeline, newComment, new FlowPane(8, 8, internal, send));
        VBox.setVgrow(timeline, Priority.ALWAYS);
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
                .addAll(new Tab("Overview", overview), new Tab("Comments", comments), new Tab("History", history));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    private void show(Ticket ticket) {
        fields.getChildren().clear();
        if (ticket == null) {
            key.setText("");
            title.setText("Select a ticket");
            description.setText("");
            return;
        }
        key.setText(ticket.displayKey() + (model.isPending(ticket) ? "  ·  not yet synced" : ""));
        title.setText(ticket.title());
        description.setText(ticket.description() == null ? "" : ticket.description());
        row(0, "Status", ticket.status().label());
        row(
                1,
                "Priority",
                ticket.priority().wire().toUpperCase() + " " + ticket.priority().label());
        row(2, "Assignee", ticket.assignee() == null ? "Unassigned" : ticket.assignee());
        row(3, "Reporter", ticket.reporter());
        row(4, "Type", ticket.type().wire());
        row(5, "Tags", ticket.tags().isEmpty() ? "—" : String.join(", ", ticket.tags()));
        if (ticket.resolution() != null) {
            row(6, "Resolution", ticket.resolution());
        }
    }

    private void row(int index, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("text-muted");
        fields.addRow(index, label, new Label(value));
    }

    private void showActions() {
        actions.getChildren().clear();
        for (Status status : model.transitions()) {
            Button button = new Button(status.label());
            button.setOnAction(event -> transition(status));
            actions.getChildren().add(button);
        }
        if (model.transitions().isEmpty()) {
            actions.getChildren().add(new Label("No transitions available to you"));
        }
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
        model.transition(List.of(ticket), status, resolution, reason);
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
            model.comment(ticket, newComment.getText(), internal.isSelected());
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
