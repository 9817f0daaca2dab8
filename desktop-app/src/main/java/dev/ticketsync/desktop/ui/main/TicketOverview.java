package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Overview tab: every field editable in place (title and tags save on Enter or when you leave the field,
 * description on Ctrl+Enter or leaving, the pickers at once; Esc puts the value back), and the legal transitions as
 * buttons — only those.
 */
final class TicketOverview {

    private static final String UNASSIGNED = "Unassigned";

    private final MainViewModel model;
    private final Consumer<Status> transition;
    private final Label key = new Label();
    private final TextField title = new TextField();
    private final ComboBox<Priority> priority = new ComboBox<>();
    private final ComboBox<String> assignee = new ComboBox<>();
    private final ComboBox<TicketType> type = new ComboBox<>();
    private final TextField tags = new TextField();
    private final Label status = new Label();
    private final Label reporter = new Label();
    private final Label resolution = new Label();
    private final TextArea description = new TextArea();
    private final FlowPane actions = new FlowPane(8, 8);
    private final ScrollPane root;
    private Ticket shown;
    private boolean filling;

    /** {@code transition}: what a status button does (it may ask for a resolution or a reason first). */
    TicketOverview(MainViewModel model, Consumer<Status> transition) {
        this.model = model;
        this.transition = transition;
        key.getStyleClass().add("text-muted");
        title.getStyleClass().addAll("title-3", "inline-edit");
        title.setId("overview-title");
        description.setWrapText(true);
        description.setPrefRowCount(8);
        description.setPromptText("No description — type one, Ctrl+Enter saves");
        description.getStyleClass().add("inline-edit");
        priority.getItems().setAll(Priority.values());
        type.getItems().setAll(TicketType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(TicketType value) {
                return value == null ? "" : capitalised(value.wire());
            }

            @Override
            public TicketType fromString(String text) {
                return null;
            }
        });
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Priority value) {
                return value == null ? "" : value.wire().toUpperCase() + " " + value.label();
            }

            @Override
            public Priority fromString(String text) {
                return null;
            }
        });
        tags.setPromptText("comma-separated, e.g. vpn, network");
        reporter.getStyleClass().add("text-muted");
        GridPane fields = new GridPane();
        fields.setHgap(16);
        fields.setVgap(8);
        row(fields, 0, "Status", status);
        row(fields, 1, "Priority", priority);
        row(fields, 2, "Assignee", assignee);
        row(fields, 3, "Type", type);
        row(fields, 4, "Tags", tags);
        row(fields, 5, "Reporter", reporter);
        row(fields, 6, "Resolution", resolution);
        Label moveTo = new Label("Move to");
        moveTo.getStyleClass().add("text-muted");
        VBox box = new VBox(12, key, title, fields, moveTo, actions, new Label("Description"), description);
        box.setPadding(new Insets(16));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        wire();
        model.transitions().addListener((ListChangeListener<Status>) change -> showActions());
        model.people().addListener((ListChangeListener<String>) change -> fillAssignees());
        show(null);
    }

    Node node() {
        return root;
    }

    private static void row(GridPane grid, int index, String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("text-muted");
        grid.addRow(index, label, value);
    }

    private void wire() {
        commitOnEnterOrLeave(title, () -> model.actions().edit(shown, EditableField.TITLE, title.getText()));
        commitOnEnterOrLeave(tags, () -> model.actions().tags(shown, parseTags(tags.getText())));
        description.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                saveDescription();
            }
        });
        description.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                saveDescription();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                description.setText(text(shown == null ? null : shown.description()));
            }
        });
        priority.valueProperty().addListener((o, before, now) -> {
            if (!filling && shown != null && now != null && now != shown.priority()) {
                model.actions().priority(List.of(shown), now);
            }
        });
        type.valueProperty().addListener((o, before, now) -> {
            if (!filling && shown != null && now != null && now != shown.type()) {
                model.actions().edit(shown, EditableField.TYPE, now.wire());
            }
        });
        assignee.valueProperty().addListener((o, before, now) -> {
            String login = UNASSIGNED.equals(now) ? null : now;
            if (!filling && shown != null && now != null && !java.util.Objects.equals(login, shown.assignee())) {
                model.actions().assign(List.of(shown), login);
            }
        });
    }

    private void saveDescription() {
        if (shown != null && !description.getText().equals(text(shown.description()))) {
            model.actions()
                    .edit(
                            shown,
                            EditableField.DESCRIPTION,
                            description.getText().isBlank() ? null : description.getText());
        }
    }

    private void commitOnEnterOrLeave(TextField field, Runnable save) {
        field.setOnAction(event -> {
            if (shown != null) {
                save.run();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && shown != null) {
                save.run();
            }
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                show(shown);
            }
        });
    }

    static Set<String> parseTags(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .map(tag -> tag.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void show(Ticket ticket) {
        shown = ticket;
        filling = true;
        try {
            boolean present = ticket != null;
            for (Node editor : List.of(title, priority, assignee, type, tags, description)) {
                editor.setDisable(!present);
            }
            if (!present) {
                key.setText("");
                title.setText("Select a ticket");
                description.clear();
                tags.clear();
                status.setText("");
                reporter.setText("");
                resolution.setText("");
                return;
            }
            key.setText(ticket.displayKey() + (model.isPending(ticket) ? "  ·  not yet synced" : ""));
            title.setText(ticket.title());
            priority.setValue(ticket.priority());
            type.setValue(ticket.type());
            fillAssignees();
            tags.setText(String.join(", ", ticket.tags()));
            status.setText(ticket.status().label());
            reporter.setText(ticket.reporter());
            resolution.setText(ticket.resolution() == null ? "—" : ticket.resolution());
            if (!description.isFocused()) {
                description.setText(text(ticket.description()));
            }
        } finally {
            filling = false;
        }
    }

    private void fillAssignees() {
        boolean wasFilling = filling;
        filling = true;
        try {
            List<String> choices = new java.util.ArrayList<>();
            choices.add(UNASSIGNED);
            choices.addAll(model.people());
            if (shown != null && shown.assignee() != null && !choices.contains(shown.assignee())) {
                choices.add(shown.assignee());
            }
            assignee.getItems().setAll(choices);
            assignee.setValue(shown == null || shown.assignee() == null ? UNASSIGNED : shown.assignee());
        } finally {
            filling = wasFilling;
        }
    }

    private void showActions() {
        actions.getChildren().clear();
        for (Status next : model.transitions()) {
            Button button = new Button(next.label());
            button.setOnAction(event -> transition.accept(next));
            actions.getChildren().add(button);
        }
        if (model.transitions().isEmpty()) {
            actions.getChildren().add(new Label("No transitions available to you"));
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
