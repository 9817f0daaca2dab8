package dev.ticketsync.desktop.undo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The user's recent triage actions, newest first, for Ctrl+Z; bounded, and kept only for this session. */
public final class UndoHistory {

    private static final int LIMIT = 50;
    private final Deque<UndoStep> steps = new ArrayDeque<>();

    public synchronized void record(UndoStep step) {
        if (step.changes().isEmpty()) {
            return;
        }
        steps.push(step);
        while (steps.size() > LIMIT) {
            steps.removeLast();
        }
    }

    public synchronized Optional<UndoStep> pop() {
        return Optional.ofNullable(steps.poll());
    }

    public synchronized boolean isEmpty() {
        return steps.isEmpty();
    }
}
