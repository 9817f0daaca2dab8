package dev.ticketsync.desktop.ui.common;

import javafx.scene.Node;

/** A page the main window can show in its centre: told when it is shown and hidden, e.g. to refresh live. */
public interface PageView {

    Node node();

    default void shown() {}

    default void hidden() {}
}
