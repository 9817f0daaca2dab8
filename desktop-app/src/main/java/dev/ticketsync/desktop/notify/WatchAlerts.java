package dev.ticketsync.desktop.notify;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.model.domain.Ticket;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Quiet alerts: when someone else changes a ticket assigned to me or watched by me, one line says what happened
 * ("OPS-42 Printer jams — bob moved it to Triaged"). It remembers the last version seen of my tickets only, and a
 * large batch (a bootstrap, a long catch-up) becomes one summary line instead of a flood.
 */
public final class WatchAlerts {

    static final int SUMMARY_ABOVE = 500;

    private final Replica replica;
    private final Consumer<String> alert;
    private final String me;
    private final Map<UUID, Ticket> seen = new HashMap<>();
    // Until the first complete sync, everything arriving is the bootstrap, not news.
    private boolean bootstrapping;

    /** Starts watching: what is in the replica now counts as seen. {@code alert} is called on the sync thread. */
    public WatchAlerts(Replica replica, Consumer<String> alert) {
        this.replica = replica;
        this.alert = alert;
        this.me = replica.me().login();
        this.bootstrapping = replica.lastSync().isEmpty();
        remember();
        replica.onChange(this::changed);
    }

    private synchronized void remember() {
        seen.clear();
        Set<UUID> watched = replica.watchedBy(me);
        for (Ticket ticket : replica.tickets()) {
            if (me.equals(ticket.assignee()) || watched.contains(ticket.id())) {
                seen.put(ticket.id(), ticket);
            }
        }
    }

    synchronized void changed(Set<UUID> ids) {
        if (bootstrapping) {
            remember();
            bootstrapping = replica.lastSync().isEmpty();
            return;
        }
        if (ids.size() > SUMMARY_ABOVE) {
            Map<UUID, Ticket> before = new HashMap<>(seen);
            remember();
            long changed = seen.values().stream()
                    .filter(ticket -> byOthers(before.get(ticket.id()), ticket))
                    .count();
            if (changed > 0) {
                alert.accept(changed + " of your tickets changed while you were away");
            }
            return;
        }
        for (UUID id : ids) {
            Optional<Ticket> now = replica.ticket(id);
            if (now.isEmpty() || !concernsMe(now.get())) {
                seen.remove(id);
                continue;
            }
            Ticket before = seen.put(id, now.get());
            if (byOthers(before, now.get())) {
                alert.accept(describe(before, now.get()));
            } else if (before == null
                    && me.equals(now.get().assignee())
                    && !me.equals(now.get().updatedBy())) {
                alert.accept(now.get().displayKey() + " " + now.get().title() + " — "
                        + Objects.requireNonNullElse(now.get().updatedBy(), "someone") + " assigned it to you");
            }
        }
    }

    private boolean concernsMe(Ticket ticket) {
        return me.equals(ticket.assignee()) || replica.watchers(ticket.id()).contains(me);
    }

    /** A newer version than the one seen, last changed by someone else (my own changes need no alert). */
    private boolean byOthers(Ticket before, Ticket now) {
        return before != null && now.version() > before.version() && !me.equals(now.updatedBy());
    }

    static String describe(Ticket before, Ticket now) {
        String who = Objects.requireNonNullElse(now.updatedBy(), "someone");
        String what;
        if (before.status() != now.status()) {
            what = "moved it to " + now.status().label();
        } else if (!Objects.equals(before.assignee(), now.assignee())) {
            what = now.assignee() == null ? "unassigned it" : "assigned it to " + now.assignee();
        } else if (before.priority() != now.priority()) {
            what = "set priority " + now.priority().wire().toUpperCase();
        } else {
            what = "updated it";
        }
        return now.displayKey() + " " + now.title() + " — " + who + " " + what;
    }
}
