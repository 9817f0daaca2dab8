package dev.ticketsync.model.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An ordered list of stages a ticket goes through, and the index of the last completed one ({@code -1} when none is).
 */
public record Plan(List<String> stages, int lastCompleted) {

    public Plan {
        stages = List.copyOf(stages);
        if (lastCompleted < -1 || lastCompleted >= stages.size()) {
            throw new IllegalArgumentException("lastCompleted out of range: " + lastCompleted);
        }
    }

    public static Plan of(List<String> stages) {
        return new Plan(stages, -1);
    }

    @JsonIgnore
    public boolean isComplete() {
        return lastCompleted == stages.size() - 1;
    }

    public int nextStage() {
        return lastCompleted + 1;
    }

    public Plan completeNext() {
        return new Plan(stages, lastCompleted + 1);
    }
}
