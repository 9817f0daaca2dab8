package dev.ticketsync.desktop.ui.console;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.ActionChoice;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.AuditLine;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.Verification;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The audit browser: a filter bar (ticket, actor, action, From/To days), the entries newest first with Newer/Older
 * paging, and "Verify chain" with its verdict in the header.
 */
public final class AuditBrowserView {

    private final AuditBrowserViewModel model;
    private final VBox root = new VBox(12);
    private final TextField ticket = new TextField();
    private final TextField actor = new TextField();
    private final ComboBox<ActionChoice> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button apply = new Button("Apply", new FontIcon(Feather.FILTER));
    private final Button verify = new Button("Verify chain", new FontIcon(Feather.SHIELD));
    private final Label verdict = new Label();
    private final TableView<AuditLine> table = ConsoleParts.table("No audit entries match these filters");
    private boolean loaded;

    public AuditBrowserView(AuditBrowserViewModel model) {
        this.model = model;
        build();
        bind();
    }

    public Node node() {
        return root;
    }

    /** Loads the newest entries the first time the browser is shown; later visits keep the filters and the page. */
    public void start() {
        if (!loaded) {
            loaded = true;
            model.search();
        }
    }

    /** Nothing runs in the background between searches: there is nothing to stop. */
    public void stop() {}

    private void build() {
        verify.setId("verify-chain");
        verdict.getStyleClass().add("verification");
        HBox header = ConsoleParts.header(
                Feather.BOOK_OPEN,
                "Audit log",
                new SimpleStringProperty("every change, append-only and hash-chained"),
                verdict,
                verify);

        ticket.setPromptText("Ticket, e.g. OPS-42");
        ticket.setPrefColumnCount(11);
        actor.setPromptText("Actor login");
        actor.setPrefColumnCount(9);
        action.setPrefWidth(190);
        from.setPromptText("From");
        from.setPrefWidth(135);
        to.setPromptText("To");
        to.setPrefWidth(135);
        apply.getStyleClass().add(Styles.ACCENT);
        // Enter in a field searches; not a default button, which would take Enter from the whole main window.
        ticket.setOnAction(event -> model.search());
        actor.setOnAction(event -> model.search());
        Button clear = new Button("Clear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(event -> model.clearFilters());
        HBox filters = new HBox(8, ticket, actor, action, from, to, apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("filter-bar");

        Label error = new Label();
        error.getStyleClass().addAll("danger", "console-error-text");
        error.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        error.textProperty().bind(model.errorProperty());
        ConsoleParts.showWhenNotEmpty(error, model.errorProperty());

        TableColumn<AuditLine, String> seq = ConsoleParts.text("#", 64, line -> Long.toString(line.seq()));
        seq.getStyleClass().add("mono");
        TableColumn<AuditLine, String> device = ConsoleParts.text("Device / IP", 100, AuditLine::device);
        device.getStyleClass().add("mono");
        table.getColumns()
                .setAll(List.of(
                        seq,
                        ConsoleParts.text("When", 130, AuditLine::when),
                        ConsoleParts.text("Actor", 80, AuditLine::actor),
                        ConsoleParts.text("Action", 130, AuditLine::action),
                        ConsoleParts.text("Ticket", 80, AuditLine::ticket),
                        device,
                        ConsoleParts.filling("Changes", 420, AuditLine::changes)));
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button newer = new Button("Newer", new FontIcon(Feather.CHEVRON_LEFT));
        newer.setOnAction(event -> model.newer());
        newer.disableProperty().bind(model.hasNewerProperty().not());
        Button older = new Button("Older", new FontIcon(Feather.CHEVRON_RIGHT));
        older.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        older.setOnAction(event -> model.older());
        older.disableProperty().bind(model.hasOlderProperty().not());
        Label page = new Label();
        page.getStyleClass().add("text-muted");
        page.textProperty().bind(model.pageInfoProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pager = new HBox(8, page, spacer, newer, older);
        pager.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(header, filters, error, table, pager);
        root.setPadding(new Insets(18, 20, 18, 20));
        root.getStyleClass().add("console");
    }

    private void bind() {
        ticket.textProperty().bindBidirectional(model.ticketProperty());
        actor.textProperty().bindBidirectional(model.actorProperty());
        action.setItems(model.actions());
        action.valueProperty().bindBidirectional(model.actionProperty());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        apply.setOnAction(event -> model.search());
        apply.disableProperty().bind(model.loadingProperty());
        table.setItems(model.rows());

        verify.setOnAction(event -> model.verify());
        verify.disableProperty().bind(model.verificationProperty().isEqualTo(Verification.RUNNING));
        verdict.textProperty().bind(model.verificationTextProperty());
        model.verificationProperty().addListener((o, before, state) -> showVerdict(state));
    }

    private void showVerdict(Verification state) {
        verdict.getStyleClass().removeAll("intact", "broken");
        switch (state) {
            case INTACT -> {
                verdict.getStyleClass().add("intact");
                verdict.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
            }
            case BROKEN, FAILED -> {
                verdict.getStyleClass().add("broken");
                verdict.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
            }
            default -> verdict.setGraphic(null);
        }
    }
}
