package dev.ticketsync.desktop.ui.main;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** {@code ?}: every action that has a key, in one sheet. */
final class ShortcutSheet {

    private ShortcutSheet() {}

    static void show(List<Shortcut> shortcuts) {
        GridPane sheet = new GridPane();
        sheet.setHgap(24);
        sheet.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            if (shortcut.hasKey()) {
                Label key = new Label(shortcut.key());
                key.getStyleClass().add("text-bold");
                sheet.addRow(row++, key, new Label(shortcut.label()));
            }
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.getDialogPane().setContent(sheet);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
