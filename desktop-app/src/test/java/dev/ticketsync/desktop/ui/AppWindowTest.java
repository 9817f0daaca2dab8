package dev.ticketsync.desktop.ui;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A test of the whole app window (headless, Monocle) on a {@link WindowFixture}: a fresh fixture per test, closed
 * after it, whatever the test did.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class AppWindowTest {

    protected WindowFixture app;

    /** The fixture each test starts from, e.g. {@link WindowFixture#withServer}. */
    protected abstract WindowFixture fixture(Stage stage) throws IOException;

    // TestFX looks for @Start only in the test class itself; the primary stage it would pass is the registered one.
    @BeforeEach
    void prepare() throws IOException, TimeoutException {
        app = fixture(FxToolkit.registerPrimaryStage());
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (app != null) {
            app.close();
        }
    }
}
