package dev.ticketsync.desktop.ui.main;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Quiet notices in the window's lower right corner: at most three, each gone after a few seconds or on a click. */
final class Toasts {

    private static final int MAX_SHOWN = 3;
    private static final Duration SHOWN_FOR = Duration.seconds(6);

    private final VBox stack = new VBox(8);

    Toasts() {
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setMaxSize(420, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(stack, new Insets(0, 16, 48, 0));
    }

    Node node() {
        return stack;
    }

    /** Must run on the JavaFX thread. */
    void show(String text) {
        Label toast = new Label(text, new FontIcon(Feather.BELL));
        toast.setWrapText(true);
        toast.getStyleClass().add("toast");
        toast.setOnMouseClicked(e -> stack.getChildren().remove(toast));
        stack.getChildren().add(toast);
        while (stack.getChildren().size() > MAX_SHOWN) {
            stack.getChildren().remove(0);
        }
        PauseTransition later = new PauseTransition(SHOWN_FOR);
        later.setOnFinished(e -> stack.getChildren().remove(toast));
        later.play();
    }
}
