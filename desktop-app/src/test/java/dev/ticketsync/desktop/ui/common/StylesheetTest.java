package dev.ticketsync.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/**
 * The app's stylesheet parses without errors. JavaFX only logs a CSS error and drops the rules after it, so a missing
 * brace would silently unstyle every screen below it.
 */
class StylesheetTest {

    @Test
    void the_stylesheet_has_no_parse_errors() throws Exception {
        URL css = getClass().getResource("/dev/ticketsync/desktop/ui/ticketsync.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        var sheet = new CssParser().parse(css);
        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        assertThat(sheet.getRules()).as("every rule is kept").hasSizeGreaterThan(40);
    }
}
