package dev.ticketsync.desktop.ui.main;

import dev.ticketsync.model.validation.ValidationException;

/** A query the user named and keeps in the sidebar; stored in the replica, so it stays with the profile. */
public record SavedView(String name, String query) {

    public static final int MAX_NAME = 60;

    public SavedView {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "must not be empty");
        }
        name = name.strip();
        if (name.length() > MAX_NAME) {
            throw new ValidationException("name", "must be at most " + MAX_NAME + " characters");
        }
        query = query == null ? "" : query.strip();
    }
}
