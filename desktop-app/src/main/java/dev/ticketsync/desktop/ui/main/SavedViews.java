package dev.ticketsync.desktop.ui.main;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ticketsync.desktop.query.QueryParser;
import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's saved views (a named query each), kept as a local preference of the profile: in the replica, so they
 * survive restarts, but never synced.
 */
public final class SavedViews {

    static final String SETTING = "savedViews";
    static final int MAX_VIEWS = 50;

    private final Replica replica;
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();

    SavedViews(Replica replica) {
        this.replica = replica;
        views.setAll(read(replica));
    }

    public ObservableList<SavedView> list() {
        return views;
    }

    /** Saves {@code query} under {@code name} (replacing a view of that name); a refusal names the field. */
    public void save(String name, String query) {
        SavedView view = new SavedView(name, query);
        QueryParser.Result parsed = QueryParser.parse(view.query());
        if (!parsed.ok()) {
            throw new ValidationException("query", parsed.error());
        }
        List<SavedView> next = new ArrayList<>(views);
        int existing = indexOf(next, view.name());
        if (existing >= 0) {
            next.set(existing, view);
        } else if (next.size() >= MAX_VIEWS) {
            throw new ValidationException("name", "at most " + MAX_VIEWS + " saved views; delete one first");
        } else {
            next.add(view);
        }
        write(next);
    }

    public void delete(SavedView view) {
        List<SavedView> next = new ArrayList<>(views);
        int index = indexOf(next, view.name());
        if (index >= 0) {
            next.remove(index);
            write(next);
        }
    }

    private void write(List<SavedView> next) {
        try {
            replica.putSetting(SETTING, Json.strict().writeValueAsString(next));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved views are plain records", e);
        }
        views.setAll(next);
    }

    private static int indexOf(List<SavedView> views, String name) {
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<SavedView> read(Replica replica) {
        return replica.setting(SETTING)
                .map(text -> {
                    try {
                        return Json.lenient().readValue(text, new TypeReference<List<SavedView>>() {});
                    } catch (JsonProcessingException | ValidationException e) {
                        // A damaged preference must not stop the app: start without saved views.
                        return List.<SavedView>of();
                    }
                })
                .orElse(List.of());
    }
}
