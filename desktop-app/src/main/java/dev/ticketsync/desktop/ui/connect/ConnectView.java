package dev.ticketsync.desktop.ui.connect;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connect dialog: server URL, login, password, with what is wrong shown right under the field or the form. Enter
 * connects, Esc cancels an attempt in flight or else leaves ({@code onLeave}: quit, or back to the open profile).
 */
public final class ConnectView {

    private final ConnectViewModel model;
    private final Runnable onLeave;
    private final StackPane root = new StackPane();
    private final TextField server = new TextField();
    private final TextField login = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button connect = new Button("Connect");
    private final Button leave = new Button();
    private final String leaveText;

    /** {@code leaveText} names what Esc does when nothing is in flight: "Quit", or "Back". */
    public ConnectView(ConnectViewModel model, String leaveText, Runnable onLeave) {
        this.model = model;
        this.leaveText = leaveText;
        this.onLeave = onLeave;
        createView();
        bind();
    }

    public Parent node() {
        return root;
    }

    /** Puts the cursor in the first field still empty. */
    public void focusFirstEmpty() {
        TextInputControl target =
                server.getText().isBlank() ? server : login.getText().isBlank() ? login : password;
        target.requestFocus();
    }

    private void createView() {
        FontIcon logo = new FontIcon(Feather.INBOX);
        logo.getStyleClass().add("connect-logo");
        Label title = new Label("TicketSync");
        title.getStyleClass().add(Styles.TITLE_2);
        HBox brand = new HBox(10, logo, title);
        brand.setAlignment(Pos.CENTER_LEFT);
        Label subtitle = new Label("Sign in to your team's TicketSync server.");
        subtitle.getStyleClass().add("text-muted");

        server.setId("server");
        server.setPromptText("https://tickets.example.com");
        login.setId("login");
        login.setPromptText("your login, e.g. alice");
        password.setId("password");
        password.setPromptText("password");
        connect.setId("connect");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setMaxWidth(Double.MAX_VALUE);
        leave.setId("leave");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add("text-muted");
        progress.textProperty().bind(model.progressProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10, spinner, progress, spacer, leave, connect);
        actions.setAlignment(Pos.CENTER_LEFT);
        connect.setMinWidth(110);

        VBox card = new VBox(
                6,
                brand,
                subtitle,
                gap(),
                FormParts.field("Server URL", server, model.serverErrorProperty(), "server-error"),
                FormParts.banner("insecure-warning", Feather.UNLOCK, "form-warning", model.insecureWarningProperty()),
                FormParts.field("Login", login, model.loginErrorProperty(), "login-error"),
                FormParts.field("Password", password, model.passwordErrorProperty(), "password-error"),
                FormParts.banner("problem", Feather.ALERT_CIRCLE, "form-problem", model.problemProperty()),
                gap(),
                actions);
        card.getStyleClass().add("connect-card");
        card.setPadding(new Insets(28, 32, 24, 32));
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        root.getChildren().add(card);
        root.getStyleClass().add("connect-view");
        root.setPadding(new Insets(24));
    }

    private void bind() {
        server.textProperty().bindBidirectional(model.serverProperty());
        login.textProperty().bindBidirectional(model.loginProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        for (Node input : new Node[] {server, login, password, connect}) {
            input.disableProperty().bind(model.busyProperty());
        }
        leave.textProperty()
                .bind(Bindings.when(model.busyProperty()).then("Cancel").otherwise(leaveText));
        connect.setOnAction(event -> model.connect());
        leave.setOnAction(event -> escape());
        // Esc anywhere in the form, also while a text field has the focus (it would keep the key to itself).
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                escape();
                event.consume();
            }
        });
        model.busyProperty().addListener((o, before, busy) -> {
            if (!busy) {
                focusFirstEmpty();
            }
        });
    }

    private void escape() {
        if (!model.cancel()) {
            onLeave.run();
        }
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinHeight(6);
        return gap;
    }
}
