package dev.ticketsync.desktop.ui.account;

import dev.ticketsync.desktop.profile.Profile;
import dev.ticketsync.desktop.profile.Profiles;
import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.ServerAddress;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.connect.ServerProblems;
import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The change-password dialog: current, new, repeat. The form checks what it can (filled in, the two new ones match);
 * the server checks the rest (the current password, the new one's strength), and its answer shows under the field it
 * is about. Needs the server: offline, it says so.
 */
public final class ChangePasswordViewModel {

    private final Profile profile;
    private final Profiles profiles;
    private final Scheduler scheduler;

    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty next = new SimpleStringProperty(this, "next", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper currentError = new ReadOnlyStringWrapper(this, "currentError", "");
    private final ReadOnlyStringWrapper nextError = new ReadOnlyStringWrapper(this, "nextError", "");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);

    ChangePasswordViewModel(Profile profile, Profiles profiles, Scheduler scheduler) {
        this.profile = profile;
        this.profiles = profiles;
        this.scheduler = scheduler;
        current.addListener((o, before, text) -> currentError.set(""));
        next.addListener((o, before, text) -> nextError.set(""));
        repeat.addListener((o, before, text) -> repeatError.set(""));
    }

    /** Checks the form, then asks the server; {@link #changedProperty()} turns true when it accepted. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        problem.set("");
        String currentPassword = text(current);
        String newPassword = text(next);
        if (currentPassword.isEmpty()) {
            currentError.set("Current password is required");
        }
        if (newPassword.isEmpty()) {
            nextError.set("New password is required");
        } else if (newPassword.equals(currentPassword)) {
            nextError.set("New password must differ from the current one");
        }
        if (!newPassword.equals(text(repeat))) {
            repeatError.set("The new passwords do not match");
        }
        if (!currentError.get().isEmpty()
                || !nextError.get().isEmpty()
                || !repeatError.get().isEmpty()) {
            return;
        }
        busy.set(true);
        scheduler.background(() -> {
            String failure = send(currentPassword, newPassword);
            scheduler.ui(() -> {
                busy.set(false);
                if (failure == null) {
                    current.set("");
                    next.set("");
                    repeat.set("");
                    changed.set(true);
                }
            });
        });
    }

    /** Null when the server accepted; otherwise the failure is already routed to its field or the problem line. */
    private String send(String currentPassword, String newPassword) {
        Optional<String> token = profiles.storedToken(profile);
        if (token.isEmpty()) {
            return report(problem, "You are signed out. Log out and sign in again to change the password.");
        }
        try (AccountClient client = new AccountClient(ServerAddress.parse(profile.serverUrl()))) {
            client.changePassword(token.get(), currentPassword, newPassword);
            return null;
        } catch (ServerError e) {
            String field = e.field().orElse("");
            if (field.equals("currentPassword")) {
                return report(currentError, ServerProblems.fieldReason(e));
            }
            if (field.equals("newPassword")) {
                return report(nextError, "New password " + ServerProblems.fieldReason(e));
            }
            if (e.isUnauthorized()) {
                return report(problem, "Your session has expired. Log out and sign in again to change the password.");
            }
            return report(problem, ServerProblems.explain(e));
        } catch (IOException e) {
            return report(problem, "Changing the password needs the server. " + ServerProblems.explain(e));
        }
    }

    private String report(ReadOnlyStringWrapper where, String text) {
        scheduler.ui(() -> where.set(text));
        return text;
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty currentErrorProperty() {
        return currentError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextErrorProperty() {
        return nextError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the server accepted the new password. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
