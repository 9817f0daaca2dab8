package dev.ticketsync.desktop.ui.console;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel.DeviceLine;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel.RejectionLine;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel.Stat;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The admin sync console: the server's counters as cards, then Devices (lag as a number and a bar, online now) above
 * the recent Rejections. Refreshes itself every two seconds between {@link #start()} and {@link #stop()}.
 */
public final class SyncConsoleView {

    static final Duration REFRESH_EVERY = Duration.seconds(2);
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final SyncConsoleViewModel model;
    private final VBox root = new VBox(14);
    private final HBox cards = new HBox(12);
    private final TableView<DeviceLine> devices = ConsoleParts.table("No device has synced yet");
    private final TableView<RejectionLine> rejections = ConsoleParts.table("No rejected changes");
    private final Timeline ticker;

    public SyncConsoleView(SyncConsoleViewModel model) {
        this.model = model;
        this.ticker = new Timeline(new KeyFrame(REFRESH_EVERY, event -> refreshIfShown()));
        ticker.setCycleCount(Animation.INDEFINITE);
        build();
        bind();
    }

    public Node node() {
        return root;
    }

    /** Shows fresh data now and keeps it live until {@link #stop()}. */
    public void start() {
        model.refresh();
        ticker.play();
    }

    public void stop() {
        ticker.stop();
    }

    private void refreshIfShown() {
        // The integrator may leave the console in the scene graph while another view is on top; read nothing then.
        if (root.getScene() != null && root.isVisible()) {
            model.refresh();
        }
    }

    private void build() {
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Refresh now"));
        refresh.setOnAction(event -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        Label updated = new Label();
        updated.getStyleClass().addAll("text-muted", "text-small");
        updated.textProperty().bind(model.updatedProperty());
        HBox header = ConsoleParts.header(Feather.ACTIVITY, "Sync console", model.summaryProperty(), updated, refresh);

        Message error = new Message("Cannot refresh", null, new FontIcon(Feather.ALERT_TRIANGLE));
        error.getStyleClass().addAll(Styles.DANGER, "console-error");
        error.descriptionProperty().bind(model.errorProperty());
        ConsoleParts.showWhenNotEmpty(error, model.errorProperty());

        cards.getStyleClass().add("stat-cards");

        SplitPane sections = new SplitPane(
                section(devices, Bindings.size(model.devices()).asString("Devices · %d")),
                section(rejections, Bindings.size(model.rejections()).asString("Rejections · %d")));
        sections.setOrientation(Orientation.VERTICAL);
        sections.setDividerPositions(0.55);
        sections.getStyleClass().add("console-sections");
        VBox.setVgrow(sections, Priority.ALWAYS);

        buildDevices();
        buildRejections();
        root.getChildren().addAll(header, error, cards, sections);
        root.setPadding(new Insets(18, 20, 18, 20));
        root.getStyleClass().add("console");
    }

    /** A titled table: "Devices · 5" above the devices. */
    private static VBox section(TableView<?> table, javafx.beans.binding.StringExpression title) {
        Label heading = new Label();
        heading.getStyleClass().addAll(Styles.TITLE_4, "console-section-title");
        heading.textProperty().bind(title);
        VBox section = new VBox(8, heading, table);
        section.setPadding(new Insets(8, 0, 4, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return section;
    }

    private void buildDevices() {
        TableColumn<DeviceLine, String> user = ConsoleParts.text("User", 110, DeviceLine::user);
        TableColumn<DeviceLine, String> device = ConsoleParts.text("Device", 100, DeviceLine::device);
        device.getStyleClass().add("mono");
        TableColumn<DeviceLine, String> seen = ConsoleParts.text("Last seen", 110, DeviceLine::lastSeen);
        TableColumn<DeviceLine, String> mutation =
                ConsoleParts.text("Last mutation", 110, line -> "#" + line.lastMutationId());
        TableColumn<DeviceLine, DeviceLine> lag = whole("Lag", 220);
        lag.setCellFactory(column -> new LagCell());
        TableColumn<DeviceLine, DeviceLine> online = whole("Online now", 120);
        online.setCellFactory(column -> new OnlineCell());
        devices.getColumns().setAll(java.util.List.of(user, device, seen, mutation, lag, online));
        devices.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private void buildRejections() {
        TableColumn<RejectionLine, String> reason =
                ConsoleParts.filling("Reason", 380, line -> line.code() + " — " + line.message());
        TableColumn<RejectionLine, String> device = ConsoleParts.text("Device", 90, RejectionLine::device);
        device.getStyleClass().add("mono");
        rejections
                .getColumns()
                .setAll(java.util.List.of(
                        ConsoleParts.text("When", 100, RejectionLine::when),
                        ConsoleParts.text("User", 90, RejectionLine::user),
                        ConsoleParts.text("Ticket", 90, RejectionLine::ticket),
                        ConsoleParts.text("Command", 110, RejectionLine::command),
                        device,
                        reason));
        rejections.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private void bind() {
        devices.setItems(model.devices());
        rejections.setItems(model.rejections());
        // Data that could not be refreshed stays readable but fades, so nobody mistakes it for live.
        model.errorProperty()
                .addListener((o, before, now) -> root.pseudoClassStateChanged(STALE, now != null && !now.isEmpty()));
        model.stats().addListener((ListChangeListener<Stat>) change -> showCards());
        showCards();
    }

    private void showCards() {
        cards.getChildren().clear();
        for (Stat stat : model.stats()) {
            Label name = new Label(stat.name().toUpperCase(java.util.Locale.ROOT));
            name.getStyleClass().add("stat-name");
            Label value = new Label(stat.value());
            value.getStyleClass().add("stat-value");
            Label hint = new Label(stat.hint());
            hint.getStyleClass().add("stat-hint");
            VBox card = new VBox(2, name, value, hint);
            card.getStyleClass().add("stat-card");
            card.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(card, Priority.ALWAYS);
            cards.getChildren().add(card);
        }
    }

    private static <S> TableColumn<S, S> whole(String name, double width) {
        TableColumn<S, S> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        return column;
    }

    /** A device cell drawn as a small graphic (a mark, then a label) rather than text. */
    private abstract static class MarkCell extends TableCell<DeviceLine, DeviceLine> {
        final Label text = new Label();
        private final HBox box;

        MarkCell(Node mark, double gap) {
            box = new HBox(gap, mark, text);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        abstract void show(DeviceLine line);

        @Override
        protected void updateItem(DeviceLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
            } else {
                show(line);
                setGraphic(box);
            }
        }
    }

    /** "12 behind" with a bar of the share of the change log still to pull; "up to date" at zero. */
    private static final class LagCell extends MarkCell {
        private final ProgressBar bar;

        LagCell() {
            this(new ProgressBar());
        }

        private LagCell(ProgressBar bar) {
            super(bar, 8);
            this.bar = bar;
            bar.setPrefWidth(110);
            bar.getStyleClass().add("lag-bar");
        }

        @Override
        void show(DeviceLine line) {
            // A lag of a few seqs in a long log is still worth seeing: the bar never shrinks below a sliver.
            bar.setProgress(line.lag() == 0 ? 0 : Math.max(0.04, line.lagShare()));
            bar.getStyleClass().removeAll("behind", "far-behind");
            if (line.lag() > 0) {
                bar.getStyleClass().add(line.lagShare() >= 0.5 ? "far-behind" : "behind");
            }
            text.setText(line.lag() == 0 ? "up to date" : line.lag() + " behind");
        }
    }

    /** A coloured dot and "Online", "Offline" or "Revoked". */
    private static final class OnlineCell extends MarkCell {
        private final Circle dot;

        OnlineCell() {
            this(new Circle(4));
        }

        private OnlineCell(Circle dot) {
            super(dot, 6);
            this.dot = dot;
        }

        @Override
        void show(DeviceLine line) {
            String state = line.revoked() ? "revoked" : line.online() ? "online" : "offline";
            dot.getStyleClass().setAll("presence-dot", state);
            text.setText(line.revoked() ? "Revoked" : line.online() ? "Online" : "Offline");
        }
    }
}
