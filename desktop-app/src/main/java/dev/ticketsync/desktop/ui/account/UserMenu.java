package dev.ticketsync.desktop.ui.account;

import atlantafx.base.controls.CaptionMenuItem;
import atlantafx.base.theme.Styles;
import dev.ticketsync.desktop.profile.Profile;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The user menu for the main window's header: the user's initial and name; change password, switch profile, log out.
 * Place {@link #node()} where the header wants it.
 */
public final class UserMenu {

    static final ButtonType LOG_OUT = new ButtonType("Log out", ButtonBar.ButtonData.OK_DONE);

    private final UserMenuViewModel model;
    private final MenuButton button = new MenuButton();
    private final Menu switchProfile = new Menu("Switch profile", new FontIcon(Feather.USERS));

    public UserMenu(UserMenuViewModel model) {
        this.model = model;
        createView();
    }

    public Node node() {
        return button;
    }

    private void createView() {
        Label avatar = new Label(model.initial());
        avatar.getStyleClass().add("avatar");
        button.setGraphic(avatar);
        button.setText(model.displayName());
        button.setId("user-menu");
        button.getStyleClass().addAll("user-menu", Styles.FLAT);
        button.setTooltip(new Tooltip(model.profile().label()));

        MenuItem signInAgain = new MenuItem("Sign in again…", new FontIcon(Feather.LOG_IN));
        signInAgain.setId("sign-in-again");
        signInAgain.setOnAction(event -> model.signInAgain());
        // Offered only while the server refuses the stored session; checked each time the menu opens.
        button.setOnShowing(event -> signInAgain.setVisible(model.needsSignIn()));
        signInAgain.setVisible(false);

        MenuItem changePassword = new MenuItem("Change password…", new FontIcon(Feather.KEY));
        changePassword.setId("change-password");
        changePassword.setOnAction(
                event -> ChangePasswordDialog.show(button.getScene().getWindow(), model.changePassword()));
        switchProfile.setId("switch-profile");
        // Listed when opened: another window may have signed in or out meanwhile.
        switchProfile.setOnShowing(event -> fillProfiles());
        switchProfile.getItems().setAll(connectAnother());
        MenuItem logout = new MenuItem("Log out", new FontIcon(Feather.LOG_OUT));
        logout.setId("log-out");
        logout.setOnAction(event -> logOut());

        button.getItems()
                .setAll(
                        new CaptionMenuItem(model.profile().label()),
                        signInAgain,
                        changePassword,
                        switchProfile,
                        new SeparatorMenuItem(),
                        logout);
    }

    private void fillProfiles() {
        switchProfile.getItems().clear();
        for (Profile profile : model.otherProfiles()) {
            String state = model.isSignedIn(profile) ? "" : "  (signed out)";
            MenuItem item = new MenuItem(profile.displayName() + " — " + profile.label() + state);
            item.setOnAction(event -> model.switchTo(profile));
            switchProfile.getItems().add(item);
        }
        if (!switchProfile.getItems().isEmpty()) {
            switchProfile.getItems().add(new SeparatorMenuItem());
        }
        switchProfile.getItems().add(connectAnother());
    }

    private MenuItem connectAnother() {
        MenuItem another = new MenuItem("Connect to another server…", new FontIcon(Feather.PLUS));
        another.setId("connect-another");
        another.setOnAction(event -> model.connectAnother());
        return another;
    }

    private void logOut() {
        Optional<String> warning = model.logoutWarning();
        if (warning.isEmpty()) {
            model.logout();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.WARNING, warning.get(), LOG_OUT, ButtonType.CANCEL);
        confirm.initOwner(button.getScene().getWindow());
        confirm.setTitle("Log out");
        confirm.setHeaderText("Log out with unsynced changes?");
        confirm.showAndWait().filter(LOG_OUT::equals).ifPresent(answer -> model.logout());
    }
}
