package dev.ticketsync.desktop.ui;

import java.nio.file.Path;
import javafx.scene.image.WritableImage;

/** Lets UI tests in other packages save a snapshot the way the app's {@code --screenshot} does. */
public final class Screenshots {

    private Screenshots() {}

    public static void save(WritableImage image, Path file) {
        Screenshot.save(image, file);
    }
}
