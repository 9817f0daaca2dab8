package dev.ticketsync.desktop.ui.main;

/**
 * One action of the main window: its key (empty when it has none, reachable from the command palette only), what it
 * does, and whether it moves the focus into a text field (then its key must not also type there).
 */
record Shortcut(String key, String label, Runnable action, boolean focusesText) {

    boolean hasKey() {
        return !key.isEmpty();
    }

    /** Whether every word the user typed in the palette is in the label or is the key. */
    boolean matches(String typed) {
        String label = this.label.toLowerCase();
        for (String word : typed.toLowerCase().strip().split("\\s+")) {
            if (!word.isEmpty() && !label.contains(word) && !key.equalsIgnoreCase(word)) {
                return false;
            }
        }
        return true;
    }
}
