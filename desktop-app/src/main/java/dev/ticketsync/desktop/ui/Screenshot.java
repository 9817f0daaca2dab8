package dev.ticketsync.desktop.ui;

import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.desktop.ui.main.MainViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** {@code --screenshot FILE}: once the first sync is done, render the window to a PNG and quit. */
final class Screenshot {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Screenshot.class);

    private Screenshot() {}

    static void whenSynced(Scene scene, SyncEngine engine, Path file, MainViewModel model) {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        engine.onStatus(status -> {
            if (status.state() == SyncState.SYNCED && armed.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    model.reload();
                    PauseTransition settle = new PauseTransition(Duration.seconds(1.5));
                    settle.setOnFinished(event -> {
                        if (!model.rows().isEmpty() && model.selectedProperty().get() == null) {
                            model.selectedProperty().set(model.rows().get(0));
                        }
                        PauseTransition detail = new PauseTransition(Duration.seconds(0.8));
                        detail.setOnFinished(done -> {
                            if (taken.compareAndSet(false, true)) {
                                LOG.debug("taking the screenshot");
                                save(scene.snapshot(null), file);
                                LOG.debug("screenshot saved to {}", file);
                                Platform.exit();
                            }
                        });
                        detail.play();
                    });
                    settle.play();
                });
            }
        });
    }

    static void save(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
