package dev.ticketsync.desktop.replica;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.domain.AuditEntry;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.User;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Outcome;
import dev.ticketsync.model.workflow.Rejection;
import dev.ticketsync.model.workflow.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The local replica (DESIGN.md §8): server state as pulled, the outbox, the conflict inbox — and what the user sees,
 * which is server state with the pending mutations re-applied. Plain Java, no UI: the sync engine, the headless
 * command and the JavaFX app all use it. Every method is safe to call from any thread.
 */
public final class Replica implements AutoCloseable {

    private final ReplicaDatabase database;
    private final Workflow workflow = Workflow.standard();
    private final Clock clock;
    private final ServerState server = new ServerState();
    private final Outbox outbox = new Outbox();
    private final ConflictInbox conflicts = new ConflictInbox();
    private final SyncMeta meta = new SyncMeta();
    private final Overlay overlay = new Overlay(workflow);
    private final List<Consumer<Set<UUID>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> localListeners = new CopyOnWriteArrayList<>();
    private final Actor me;
    // The highest mutation id handed to a push in this process: those may be on the server, so they cannot be
    // withdrawn.
    private long sentUpTo;

    private Replica(ReplicaDatabase database, Clock clock, Actor me) {
        this.database = database;
        this.clock = clock;
        this.me = me;
    }

    /**
     * Opens (or creates) the replica in {@code directory} for {@code login} with {@code role}. A new replica gets a new
     * clientId.
     */
    public static Replica open(Path directory, String serverUrl, String login, Role role, Clock clock)
            throws SQLException {
        ReplicaDatabase database = ReplicaDatabase.open(directory);
        Replica replica = new Replica(database, clock, new Actor(login, role));
        replica.init(serverUrl);
        return replica;
    }

    private synchronized void init(String serverUrl) throws SQLException {
        Connection c = database.connection();
        if (meta.get(c, SyncMeta.CLIENT_ID).isEmpty()) {
            meta.put(c, SyncMeta.CLIENT_ID, UUID.randomUUID().toString());
            meta.put(c, SyncMeta.CURSOR, "0");
            meta.put(c, SyncMeta.NEXT_MUTATION_ID, "1");
        }
        meta.put(c, SyncMeta.SERVER_URL, serverUrl);
        meta.put(c, SyncMeta.USER, me.login());
        meta.put(c, SyncMeta.ROLE, me.role().wire());
        c.commit();
        rebuildOverlay(null);
    }

    public Actor me() {
        return me;
    }

    /** Called after anything the user sees changed (local changes, pulled pages, push answers), with the tickets. */
    public void onChange(Consumer<Set<UUID>> listener) {
        listeners.add(listener);
    }

    /** Called after a local change was queued: the sync engine pushes it at once when idle. */
    public void onLocalChange(Runnable listener) {
        localListeners.add(listener);
    }

    // ---- local changes ----

    /**
     * Runs a command locally: the shared workflow on the ticket as the user sees it, then — if it passes — the mutation
     * goes into the outbox in one local transaction and shows at once. A refusal queues nothing.
     */
    public LocalResult execute(Command command) {
        LocalResult result;
        synchronized (this) {
            try {
                Connection c = database.connection();
                Ticket current = viewTicket(c, command.ticketId());
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Outcome outcome = workflow.apply(current, command, me, now);
                if (outcome instanceof Rejection rejection) {
                    return new LocalResult(0, current, rejection);
                }
                long id = meta.getLong(c, SyncMeta.NEXT_MUTATION_ID, 1);
                outbox.append(c, new PendingMutation(id, command, now, false, 0));
                meta.put(c, SyncMeta.NEXT_MUTATION_ID, Long.toString(id + 1));
                c.commit();
                rebuild(c, Set.of(command.ticketId()));
                result = new LocalResult(id, viewTicket(c, command.ticketId()), null);
            } catch (SQLException e) {
                rollback();
                throw new ReplicaException("could not save the change locally", e);
            }
        }
        notifyChanged(Set.of(command.ticketId()));
        localListeners.forEach(Runnable::run);
        return result;
    }

    // ---- what the user sees ----

    public synchronized Optional<Ticket> ticket(UUID id) {
        return Optional.ofNullable(read(c -> viewTicket(c, id)));
    }

    /** Every ticket as the user sees it, pending changes included. */
    public synchronized List<Ticket> tickets() {
        return read(c -> {
            Map<UUID, Ticket> all = new HashMap<>();
            for (Ticket ticket : server.tickets(c)) {
                all.put(ticket.id(), ticket);
            }
            for (UUID id : overlay.ticketIds()) {
                Ticket view = overlay.get(id).ticket();
                if (view != null) {
                    all.put(id, view);
                }
            }
            return new ArrayList<>(all.values());
        });
    }

    /**
     * The {@code limit} tickets whose server rows changed last, and every ticket with pending changes, as the user sees
     * them: enough for the list's first screen (newest update first) without reading every ticket.
     */
    public synchronized List<Ticket> newestTickets(int limit) {
        return read(c -> {
            Map<UUID, Ticket> found = new HashMap<>();
            for (Ticket ticket : server.newest(c, limit)) {
                found.put(ticket.id(), ticket);
            }
            for (UUID id : overlay.ticketIds()) {
                Ticket view = overlay.get(id).ticket();
                if (view != null) {
                    found.put(id, view);
                }
            }
            return new ArrayList<>(found.values());
        });
    }

    public synchronized List<Comment> comments(UUID ticketId) {
        return read(c -> {
            List<Comment> comments = new ArrayList<>(server.comments(c, ticketId));
            Overlay.TicketOverlay pending = overlay.get(ticketId);
            if (pending != null) {
                Set<UUID> known = new HashSet<>();
                comments.forEach(comment -> known.add(comment.id()));
                pending.comments().stream()
                        .filter(comment -> !known.contains(comment.id()))
                        .forEach(comments::add);
            }
            return comments;
        });
    }

    /**
     * Only the tickets with these ids, as {@link #tickets()} shows them (for keeping a search index current without
     * reading every ticket); ids without a ticket are left out.
     */
    public synchronized List<Ticket> tickets(Collection<UUID> ids) {
        return read(c -> {
            Map<UUID, Ticket> found = new HashMap<>();
            for (Ticket ticket : server.tickets(c, ids)) {
                found.put(ticket.id(), ticket);
            }
            for (UUID id : ids) {
                Overlay.TicketOverlay pending = overlay.get(id);
                if (pending != null && pending.ticket() != null) {
                    found.put(id, pending.ticket());
                }
            }
            return new ArrayList<>(found.values());
        });
    }

    /** Each ticket's comment text (lower case, pending comments included), for free-text search in the list. */
    public synchronized Map<UUID, String> commentText() {
        return read(c -> withPendingComments(server.commentText(c), overlay.ticketIds()));
    }

    /** Only these tickets' comment text, as {@link #commentText()} has it; tickets without comments are left out. */
    public synchronized Map<UUID, String> commentText(Collection<UUID> ticketIds) {
        return read(c -> {
            Set<UUID> pending = new HashSet<>(overlay.ticketIds());
            pending.retainAll(ticketIds);
            return withPendingComments(server.commentText(c, ticketIds), pending);
        });
    }

    private Map<UUID, String> withPendingComments(Map<UUID, String> serverText, Set<UUID> pendingIds) {
        Map<UUID, String> text = new HashMap<>(serverText);
        for (UUID id : pendingIds) {
            StringBuilder pending = new StringBuilder(text.getOrDefault(id, ""));
            overlay.get(id)
                    .comments()
                    .forEach(comment -> pending.append(comment.body().toLowerCase(java.util.Locale.ROOT))
                            .append('\n'));
            text.put(id, pending.toString());
        }
        return text;
    }

    public synchronized Set<String> watchers(UUID ticketId) {
        return read(c -> {
            Set<String> watchers = new LinkedHashSet<>(server.watchers(c, ticketId));
            Overlay.TicketOverlay pending = overlay.get(ticketId);
            if (pending != null) {
                watchers.addAll(pending.watched());
                watchers.removeAll(pending.unwatched());
            }
            return watchers;
        });
    }

    /** The tickets {@code login} watches, pending watch and unwatch changes included. */
    public synchronized Set<UUID> watchedBy(String login) {
        return read(c -> {
            Set<UUID> watched = server.watchedBy(c, login);
            for (UUID id : overlay.ticketIds()) {
                Overlay.TicketOverlay pending = overlay.get(id);
                if (pending.watched().contains(login)) {
                    watched.add(id);
                }
                if (pending.unwatched().contains(login)) {
                    watched.remove(id);
                }
            }
            return watched;
        });
    }

    public synchronized List<User> users() {
        return read(server::users);
    }

    /** A ticket's history from the audit entries pulled with it (works offline). */
    public synchronized List<AuditEntry> history(UUID ticketId) {
        return read(c -> server.audit(c, ticketId));
    }

    /** The ids of tickets with changes not yet confirmed by the server (the "pending" mark). */
    public synchronized Set<UUID> pendingTicketIds() {
        return overlay.ticketIds();
    }

    public synchronized List<PendingMutation> pending() {
        return read(outbox::all);
    }

    /**
     * The next mutations to push (at most {@code max}, oldest first). From here on they count as sent: the server may
     * have them even if no answer comes back, so {@link #withdraw} leaves them alone.
     */
    public synchronized List<PendingMutation> toPush(int max) {
        List<PendingMutation> batch = new ArrayList<>();
        for (PendingMutation mutation : read(outbox::all)) {
            if (!mutation.acked() && batch.size() < max) {
                batch.add(mutation);
            }
        }
        if (!batch.isEmpty()) {
            sentUpTo = Math.max(sentUpTo, batch.get(batch.size() - 1).mutationId());
        }
        return batch;
    }

    /**
     * Takes back local changes no push has carried yet (undo): they leave the outbox as if never made, and the ones
     * after them move down, so the server still sees consecutive ids. Returns false, changing nothing, if any of them
     * was already handed to a push or is gone.
     */
    public boolean withdraw(Collection<Long> mutationIds) {
        Set<UUID> touched = new HashSet<>();
        synchronized (this) {
            Map<Long, PendingMutation> byId = new HashMap<>();
            read(outbox::all).forEach(mutation -> byId.put(mutation.mutationId(), mutation));
            for (long id : mutationIds) {
                if (id <= sentUpTo || !byId.containsKey(id)) {
                    return false;
                }
                touched.add(byId.get(id).command().ticketId());
            }
            List<Long> newestFirst =
                    mutationIds.stream().sorted(Comparator.reverseOrder()).toList();
            write(c -> {
                for (long id : newestFirst) {
                    outbox.remove(c, List.of(id));
                    outbox.closeGap(c, id);
                }
                long next = meta.getLong(c, SyncMeta.NEXT_MUTATION_ID, 1);
                meta.put(c, SyncMeta.NEXT_MUTATION_ID, Long.toString(next - newestFirst.size()));
                return null;
            });
            read(c -> {
                rebuild(c, touched);
                return null;
            });
        }
        notifyChanged(touched);
        return true;
    }

    public synchronized List<Conflict> conflicts() {
        return read(c -> conflicts.all(c, edit -> currentText(c, edit)));
    }

    /** Retries a conflict as a new mutation (optionally edited, e.g. with a merged text) and removes it from the inbox. */
    public LocalResult retry(long conflictId, Command command) {
        LocalResult result = execute(command);
        if (result.accepted()) {
            discard(conflictId);
        }
        return result;
    }

    public void discard(long conflictId) {
        synchronized (this) {
            write(c -> conflicts.remove(c, conflictId));
        }
        notifyChanged(CONFLICTS_ONLY);
    }

    // ---- local preferences of this profile (saved views): kept in the replica, never synced ----

    public synchronized Optional<String> setting(String name) {
        return read(c -> meta.get(c, SyncMeta.SETTING_PREFIX + name));
    }

    public synchronized void putSetting(String name, String value) {
        write(c -> {
            meta.put(c, SyncMeta.SETTING_PREFIX + name, value);
            return null;
        });
    }

    // ---- for the sync engine ----

    public synchronized UUID clientId() {
        return UUID.fromString(read(c -> meta.get(c, SyncMeta.CLIENT_ID).orElseThrow()));
    }

    public synchronized long cursor() {
        return read(c -> meta.getLong(c, SyncMeta.CURSOR, 0));
    }

    public synchronized Optional<Instant> lastSync() {
        return read(c -> meta.get(c, SyncMeta.LAST_SYNC).map(Instant::parse));
    }

    public synchronized long ticketCount() {
        return read(c -> server.count(c, "tickets"));
    }

    /**
     * Records a push's answers: accepted ones are marked acked (still re-applied until a complete pull confirms them),
     * rejected ones move to the conflict inbox with the server's reason, and the view rolls them back.
     */
    public void recordPush(List<PendingMutation> sent, PushResult result) {
        Set<UUID> touched = new HashSet<>();
        synchronized (this) {
            write(c -> {
                Map<Long, PendingMutation> byId = new HashMap<>();
                sent.forEach(mutation -> byId.put(mutation.mutationId(), mutation));
                List<Long> acked = new ArrayList<>();
                List<Long> rejected = new ArrayList<>();
                for (MutationResult answer : result.results()) {
                    PendingMutation mutation = byId.get(answer.mutationId());
                    if (mutation == null) {
                        continue;
                    }
                    if (answer.effectiveStatus() == MutationStatus.ACCEPTED) {
                        acked.add(mutation.mutationId());
                    } else {
                        conflicts.add(c, mutation, answer.code(), answer.message(), null, clock.instant());
                        rejected.add(mutation.mutationId());
                        touched.add(mutation.command().ticketId());
                    }
                }
                outbox.markAcked(c, acked);
                outbox.remove(c, rejected);
                return null;
            });
            read(c -> {
                rebuild(c, touched);
                return null;
            });
        }
        notifyChanged(touched);
    }

    /**
     * Moves a mutation the server keeps failing on to the conflict inbox, so it cannot block the queue. The ones after
     * it move down one id: a 5xx rolled back the server's whole batch, so the server never saw this id.
     */
    public void giveUp(PendingMutation mutation, String message) {
        synchronized (this) {
            write(c -> {
                conflicts.add(c, mutation, ErrorCode.SERVER_ERROR, message, null, clock.instant());
                outbox.remove(c, List.of(mutation.mutationId()));
                outbox.closeGap(c, mutation.mutationId());
                meta.put(
                        c, SyncMeta.NEXT_MUTATION_ID, Long.toString(meta.getLong(c, SyncMeta.NEXT_MUTATION_ID, 1) - 1));
                return null;
            });
            read(c -> {
                rebuild(c, Set.of(mutation.command().ticketId()));
                return null;
            });
        }
        notifyChanged(Set.of(mutation.command().ticketId()));
    }

    /**
     * The server holds this device's mutations up to {@code serverLast} only, fewer than it once accepted (it lost its
     * latest commits: restored from a backup, or a disk that lied). Every mutation in the outbox after that — waiting,
     * or accepted but not yet confirmed by a complete pull — goes (again) with the next push, numbered on from
     * {@code serverLast + 1} so the server sees no gap, and the next pull reads everything again. Returns how many;
     * what the server forgot and this device had already confirmed is gone with the server's commits.
     */
    public synchronized int resendAfter(long serverLast) {
        return write(c -> {
            int count = outbox.renumberAfter(c, serverLast);
            meta.put(c, SyncMeta.NEXT_MUTATION_ID, Long.toString(serverLast + 1 + count));
            // The server lost commits, so seqs this replica pulled will be handed out again: read everything anew.
            meta.put(c, SyncMeta.CURSOR, "0");
            return count;
        });
    }

    public synchronized int countAttempt(long mutationId) {
        return write(c -> outbox.countAttempt(c, mutationId));
    }

    /**
     * Applies one pull page in one local transaction: server rows overwritten, cursor moved, and — when it is the last
     * page of a pull ({@code hasMore} false) — the acked mutations up to its {@code lastMutationId} confirmed and
     * dropped. Then the pending ones are re-applied on top (rebase).
     */
    public void applyPage(PullResponse page) {
        applyPage(PulledPage.of(page));
    }

    /** As {@link #applyPage(PullResponse)}, for a page read with each change's JSON text kept as it came. */
    public void applyPage(PulledPage page) {
        Set<UUID> touched;
        synchronized (this) {
            touched = write(c -> {
                boolean fresh = meta.get(c, SyncMeta.LAST_SYNC).isEmpty();
                Set<UUID> ids = PageWriter.write(c, page.changes(), fresh);
                meta.put(c, SyncMeta.CURSOR, Long.toString(page.cursor()));
                meta.put(c, SyncMeta.HEAD, Long.toString(page.head()));
                if (!page.hasMore()) {
                    for (PendingMutation mutation : outbox.all(c)) {
                        if (mutation.acked() && mutation.mutationId() <= page.lastMutationId()) {
                            ids.add(mutation.command().ticketId());
                        }
                    }
                    outbox.confirm(c, page.lastMutationId());
                    meta.put(c, SyncMeta.LAST_SYNC, clock.instant().toString());
                }
                return ids;
            });
            read(c -> {
                rebuild(c, touched);
                return null;
            });
        }
        notifyChanged(touched);
    }

    /** The entities a page brought, for callers that want to know (e.g. notifications). */
    public static Set<String> entityIds(List<Change> changes) {
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.entity().wire() + ":" + change.id()));
        return ids;
    }

    // ---- internals ----

    private Ticket viewTicket(Connection c, UUID id) throws SQLException {
        Overlay.TicketOverlay pending = overlay.get(id);
        if (pending != null) {
            return pending.ticket();
        }
        return server.ticket(c, id).orElse(null);
    }

    private Map<EditableField, String> currentText(Connection c, EditFields edit) {
        Map<EditableField, String> current = new EnumMap<>(EditableField.class);
        try {
            Ticket ticket = server.ticket(c, edit.ticketId()).orElse(null);
            if (ticket != null) {
                current.put(EditableField.TITLE, ticket.title());
                current.put(EditableField.DESCRIPTION, ticket.description());
                current.put(EditableField.RESOLUTION, ticket.resolution());
            }
        } catch (SQLException e) {
            throw new ReplicaException("could not read the replica", e);
        }
        return current;
    }

    private void rebuildOverlay(Set<UUID> only) throws SQLException {
        Connection c = database.connection();
        Set<UUID> ids = new HashSet<>(overlay.ticketIds());
        for (PendingMutation mutation : outbox.all(c)) {
            ids.add(mutation.command().ticketId());
        }
        if (only != null) {
            ids.retainAll(only);
        }
        rebuild(c, ids);
    }

    /**
     * Re-applies the pending mutations of these tickets on top of their server state. Only a ticket with a pending
     * mutation, or with an overlay entry that may now have to go, can look different from its server row: the others
     * are skipped without reading them — a pulled page touches thousands of tickets, and almost none is pending.
     */
    private void rebuild(Connection c, Set<UUID> ticketIds) throws SQLException {
        if (ticketIds.isEmpty()) {
            return;
        }
        List<PendingMutation> pending = outbox.all(c);
        Set<UUID> affected = new HashSet<>(overlay.ticketIds());
        pending.forEach(mutation -> affected.add(mutation.command().ticketId()));
        affected.retainAll(ticketIds);
        for (UUID id : affected) {
            overlay.rebuild(id, server.ticket(c, id).orElse(null), pending, me);
        }
    }

    /** Sent when only the conflict inbox changed. */
    public static final Set<UUID> CONFLICTS_ONLY = Set.of(new UUID(0, 0));

    private void notifyChanged(Set<UUID> ticketIds) {
        if (!ticketIds.isEmpty()) {
            listeners.forEach(listener -> listener.accept(ticketIds));
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try {
            return work.run(database.connection());
        } catch (SQLException e) {
            throw new ReplicaException("could not read the replica", e);
        }
    }

    private <T> T write(Work<T> work) {
        try {
            T result = work.run(database.connection());
            database.connection().commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e instanceof ReplicaException replica
                    ? replica
                    : new ReplicaException("could not write the replica", e);
        }
    }

    private void rollback() {
        try {
            database.connection().rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the next open starts from the last commit.
        }
    }

    @Override
    public synchronized void close() {
        try {
            database.close();
        } catch (SQLException e) {
            throw new ReplicaException("could not close the replica", e);
        }
    }
}
