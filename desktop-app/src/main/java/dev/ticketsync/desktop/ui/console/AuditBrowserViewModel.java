package dev.ticketsync.desktop.ui.console;

import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.ValueChange;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit browser: filters (ticket key, actor, action, a range of days), the matching entries newest first a page at
 * a time (keyset paging: older / newer), and the chain check with its result.
 */
public final class AuditBrowserViewModel {

    /** An action to filter by; {@link #ANY} matches every action. */
    public record ActionChoice(AuditAction action, String label) {
        public static final ActionChoice ANY = new ActionChoice(null, "Any action");

        @Override
        public String toString() {
            return label;
        }
    }

    /** One entry as the table shows it. */
    public record AuditLine(
            long seq, String when, String actor, String action, String ticket, String changes, String device) {}

    /** Where the chain check stands. */
    public enum Verification {
        NOT_RUN,
        RUNNING,
        INTACT,
        BROKEN,
        FAILED
    }

    private final AdminClient admin;
    private final Scheduler scheduler;
    private final ZoneId zone;
    private final int pageSize;
    private final StringProperty ticket = new SimpleStringProperty("");
    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<ActionChoice> action = new SimpleObjectProperty<>(ActionChoice.ANY);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<ActionChoice> actions = FXCollections.observableArrayList();
    private final ObservableList<AuditLine> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageInfo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Verification> verification = new ReadOnlyObjectWrapper<>(Verification.NOT_RUN);
    private final ReadOnlyStringWrapper verificationText = new ReadOnlyStringWrapper("");

    /** The query on screen. */
    private AdminClient.AuditQuery query;

    /** The {@code before} of every newer page that led to this one; 0 stands for the first page (no bound). */
    private final Deque<Long> newerPages = new ArrayDeque<>();

    private Long nextBefore;

    /** {@code pageSize}: entries a page shows, 1–499. */
    public AuditBrowserViewModel(AdminClient admin, Scheduler scheduler, ZoneId zone, int pageSize) {
        if (pageSize < 1 || pageSize > 499) {
            throw new IllegalArgumentException("pageSize must be 1-499, got " + pageSize);
        }
        this.admin = admin;
        this.scheduler = scheduler;
        this.zone = zone;
        this.pageSize = pageSize;
        actions.add(ActionChoice.ANY);
        for (AuditAction value : AuditAction.values()) {
            actions.add(new ActionChoice(value, ConsoleText.humanize(value.name())));
        }
    }

    public StringProperty ticketProperty() {
        return ticket;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public ObjectProperty<ActionChoice> actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<ActionChoice> actions() {
        return actions;
    }

    public ObservableList<AuditLine> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Entries #412–#363 · page 2 · newest first". */
    public ReadOnlyStringProperty pageInfoProperty() {
        return pageInfo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNewerProperty() {
        return hasNewer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verification> verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    /** "Chain intact · 1,204 entries verified", or where it breaks. */
    public ReadOnlyStringProperty verificationTextProperty() {
        return verificationText.getReadOnlyProperty();
    }

    /** The newest page matching the filters; a filter that cannot work (To before From) is explained instead. */
    public void search() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first != null && last != null && last.isBefore(first)) {
            error.set("The range ends (" + last + ") before it starts (" + first + ")");
            return;
        }
        query = new AdminClient.AuditQuery(
                blankToNull(ticket.get()),
                blankToNull(actor.get()),
                action.get() == null ? null : action.get().action(),
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(),
                null,
                // One more than shown: whether it comes back says if there are older entries, so "Older" never
                // leads to an empty page.
                pageSize + 1);
        newerPages.clear();
        load(query);
    }

    public void clearFilters() {
        ticket.set("");
        actor.set("");
        action.set(ActionChoice.ANY);
        from.set(null);
        to.set(null);
        search();
    }

    public void older() {
        if (query != null && nextBefore != null) {
            newerPages.push(query.before() == null ? 0L : query.before());
            query = query.before(nextBefore);
            load(query);
        }
    }

    public void newer() {
        if (query != null && !newerPages.isEmpty()) {
            long before = newerPages.pop();
            query = query.before(before == 0L ? null : before);
            load(query);
        }
    }

    private void load(AdminClient.AuditQuery page) {
        loading.set(true);
        scheduler.background(() -> {
            try {
                AdminClient.AuditPage result = admin.audit(page);
                scheduler.ui(() -> show(page, result));
            } catch (IOException | RuntimeException e) {
                scheduler.ui(() -> {
                    if (page != query) {
                        return; // a newer search or page replaced this one: its answer is what counts
                    }
                    // Rows left from an earlier search would read as the answer to this one.
                    rows.clear();
                    nextBefore = null;
                    hasOlder.set(false);
                    hasNewer.set(!newerPages.isEmpty());
                    pageInfo.set("");
                    error.set(ConsoleText.failure(e));
                    loading.set(false);
                });
            }
        });
    }

    private void show(AdminClient.AuditQuery page, AdminClient.AuditPage result) {
        if (page != query) {
            return; // a newer search or page replaced this one while it loaded
        }
        List<AdminClient.AuditRow> shown =
                result.rows().subList(0, Math.min(pageSize, result.rows().size()));
        rows.setAll(shown.stream().map(this::line).toList());
        nextBefore = result.rows().size() > pageSize
                ? shown.get(shown.size() - 1).entry().seq()
                : null;
        hasOlder.set(nextBefore != null);
        hasNewer.set(!newerPages.isEmpty());
        int number = newerPages.size() + 1;
        pageInfo.set(
                rows.isEmpty()
                        ? "No entries match"
                        : "Entries #" + rows.get(0).seq() + "–#"
                                + rows.get(rows.size() - 1).seq() + " · page " + number + " · newest first");
        error.set("");
        loading.set(false);
    }

    /** Checks the whole hash chain on the server; a break is shown with the entry where it starts. */
    public void verify() {
        verification.set(Verification.RUNNING);
        verificationText.set("Verifying the chain…");
        scheduler.background(() -> {
            try {
                AdminClient.Verification result = admin.verify();
                String text = result.ok()
                        ? String.format("Chain intact · %,d entries verified", result.entries())
                        : broken(result);
                scheduler.ui(() -> {
                    verification.set(result.ok() ? Verification.INTACT : Verification.BROKEN);
                    verificationText.set(text);
                });
            } catch (IOException | RuntimeException e) {
                scheduler.ui(() -> {
                    verification.set(Verification.FAILED);
                    verificationText.set("Could not verify: " + ConsoleText.failure(e));
                });
            }
        });
    }

    /** Names the first bad entry, and what it claims to be (its content is exactly what cannot be trusted). */
    private String broken(AdminClient.Verification result) throws IOException {
        String text = String.format(
                "Chain broken at entry #%d · %,d entries checked", result.firstBadSeq(), result.entries());
        if (result.firstBadSeq() == null) {
            return text;
        }
        List<AdminClient.AuditRow> bad = admin.audit(
                        new AdminClient.AuditQuery(null, null, null, null, null, result.firstBadSeq() + 1, 1))
                .rows();
        if (bad.isEmpty() || bad.get(0).entry().seq() != result.firstBadSeq()) {
            return text;
        }
        AuditLine line = line(bad.get(0));
        return text + " · it claims: " + line.when() + ", " + line.actor() + ", " + line.action()
                + (line.ticket().isEmpty() ? "" : " on " + line.ticket());
    }

    private AuditLine line(AdminClient.AuditRow row) {
        AuditEntry entry = row.entry();
        return new AuditLine(
                entry.seq(),
                ConsoleText.dayAndTime(entry.at(), zone),
                entry.actor() == null ? "system" : entry.actor(),
                ConsoleText.humanize(entry.action().name()),
                row.ticketKey() != null
                        ? row.ticketKey()
                        : entry.ticketId() == null ? "" : ConsoleText.shortId(entry.ticketId()),
                changes(entry.changes()),
                entry.clientId() == null
                        ? (entry.ip() == null ? "" : entry.ip())
                        : ConsoleText.shortId(entry.clientId()));
    }

    private static String changes(Map<String, ValueChange> changes) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, ValueChange> change : changes.entrySet()) {
            Object before = change.getValue().old();
            Object after = change.getValue().newValue();
            parts.add(
                    before == null
                            ? change.getKey() + " = " + shorten(after)
                            : change.getKey() + ": " + shorten(before) + " → " + shorten(after));
        }
        return String.join(" · ", parts);
    }

    private static String shorten(Object value) {
        String text = value == null ? "—" : value.toString().replace('\n', ' ');
        return text.length() > 48 ? text.substring(0, 47) + "…" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
