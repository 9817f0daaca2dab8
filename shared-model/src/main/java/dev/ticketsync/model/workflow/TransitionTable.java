package dev.ticketsync.model.workflow;

import static dev.ticketsync.model.domain.Status.CANCELLED;
import static dev.ticketsync.model.domain.Status.CLOSED;
import static dev.ticketsync.model.domain.Status.IN_PROGRESS;
import static dev.ticketsync.model.domain.Status.NEW;
import static dev.ticketsync.model.domain.Status.ON_HOLD;
import static dev.ticketsync.model.domain.Status.RESOLVED;
import static dev.ticketsync.model.domain.Status.TRIAGED;
import static dev.ticketsync.model.domain.Status.WAITING;

import dev.ticketsync.model.domain.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The default workflow of DESIGN.md §3 as data: which status may follow which, and the guards on each target. */
public final class TransitionTable {

    private static final TransitionTable STANDARD = new TransitionTable(
            Map.of(
                    NEW, EnumSet.of(TRIAGED, IN_PROGRESS, CANCELLED),
                    TRIAGED, EnumSet.of(IN_PROGRESS, WAITING, ON_HOLD, RESOLVED, CANCELLED),
                    IN_PROGRESS, EnumSet.of(TRIAGED, WAITING, ON_HOLD, RESOLVED, CANCELLED),
                    WAITING, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED),
                    ON_HOLD, EnumSet.of(TRIAGED, IN_PROGRESS, CANCELLED),
                    RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
                    CLOSED, EnumSet.noneOf(Status.class),
                    CANCELLED, EnumSet.noneOf(Status.class)),
            Map.of(
                    IN_PROGRESS, List.of(Guard.HAS_ASSIGNEE, Guard.NOT_BLOCKED),
                    RESOLVED, List.of(Guard.RESOLUTION_GIVEN, Guard.PLAN_COMPLETE),
                    CANCELLED, List.of(Guard.REASON_GIVEN)));

    private final Map<Status, Set<Status>> next;
    private final Map<Status, List<Guard>> guards;

    private TransitionTable(Map<Status, Set<Status>> next, Map<Status, List<Guard>> guards) {
        Map<Status, Set<Status>> copy = new EnumMap<>(Status.class);
        next.forEach((from, to) -> copy.put(from, Collections.unmodifiableSet(EnumSet.copyOf(to))));
        this.next = Collections.unmodifiableMap(copy);
        this.guards = Map.copyOf(guards);
    }

    public static TransitionTable standard() {
        return STANDARD;
    }

    /** The statuses {@code from} may move to, before roles and guards. */
    public Set<Status> targets(Status from) {
        return next.get(from);
    }

    public boolean allows(Status from, Status to) {
        return next.get(from).contains(to);
    }

    /** The guards a transition into {@code to} must pass, in the order they are checked. */
    public List<Guard> guardsInto(Status to) {
        return guards.getOrDefault(to, List.of());
    }

    public boolean isReopen(Status from, Status to) {
        return from == RESOLVED && to == IN_PROGRESS;
    }
}
