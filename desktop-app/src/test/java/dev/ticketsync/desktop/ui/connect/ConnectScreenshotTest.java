package dev.ticketsync.desktop.ui.connect;

import static dev.ticketsync.desktop.ui.WindowFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.ui.AppWindowTest;
import dev.ticketsync.desktop.ui.Screenshots;
import dev.ticketsync.desktop.ui.Startup;
import dev.ticketsync.desktop.ui.WindowFixture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Renders the first run's connect dialog for the docs ({@code target/screenshots/connect.png}, copied to
 * {@code docs/screenshot-connect.png}), and the same dialog showing a plain-http warning and an error
 * ({@code connect-errors.png}), to look at.
 */
class ConnectScreenshotTest extends AppWindowTest {

    private static final Path OUT = Path.of("target", "screenshots");

    @Override
    protected WindowFixture fixture(Stage stage) throws IOException {
        return WindowFixture.withoutServer(stage);
    }

    @Test
    void renders_the_connect_dialog_to_png(FxRobot robot) throws Exception {
        app.open(Startup.connect(app.profiles(), app.opener(), "https://tickets.example.com", ""));
        robot.clickOn("#login").write("alice");
        Path clean = OUT.resolve("connect.png");
        Screenshots.save(fx(() -> app.stage().getScene().snapshot(null)), clean);

        robot.doubleClickOn("#server").eraseText(40).write("http://10.0.4.20:8080");
        robot.clickOn("#connect");
        Path errors = OUT.resolve("connect-errors.png");
        Screenshots.save(fx(() -> app.stage().getScene().snapshot(null)), errors);

        assertIsAScreenshot(clean);
        assertIsAScreenshot(errors);
    }

    private static void assertIsAScreenshot(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a readable PNG", png).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(500);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size())
                .as("distinct colours in %s (text, icons, theme)", png)
                .isGreaterThan(30);
    }
}
