package dev.ticketsync.model.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A ticket as the server holds it (DESIGN.md §2). Immutable; change it with {@link #toBuilder()}. {@code key} is null
 * until the server has accepted the ticket; {@link #displayKey()} then gives a provisional one.
 */
public record Ticket(
        UUID id,
        String key,
        String project,
        String title,
        String description,
        Status status,
        Priority priority,
        TicketType type,
        String reporter,
        String assignee,
        String team,
        SortedSet<String> tags,
        Instant dueAt,
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant firstResponseAt,
        boolean slaBreached,
        int escalationLevel,
        UUID parentId,
        SortedSet<UUID> blockedBy,
        Plan plan,
        String resolution,
        String cancelReason,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public static final String DEFAULT_PROJECT = "OPS";

    public Ticket {
        tags = immutableSorted(tags);
        blockedBy = immutableSorted(blockedBy);
    }

    private static <T extends Comparable<T>> SortedSet<T> immutableSorted(Set<T> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }

    @JsonIgnore
    public boolean isOpen() {
        return status.isOpen();
    }

    /** The key people use: {@code OPS-42}, or {@code OPS-?} with a short id while the server has not assigned one. */
    public String displayKey() {
        return key != null ? key : project + "-?" + id.toString().substring(0, 4);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds tickets field by field; records this wide are unreadable with positional constructors. */
    public static final class Builder {
        private UUID id;
        private String key;
        private String project = DEFAULT_PROJECT;
        private String title;
        private String description;
        private Status status = Status.NEW;
        private Priority priority = Priority.P3;
        private TicketType type = TicketType.REQUEST;
        private String reporter;
        private String assignee;
        private String team;
        private SortedSet<String> tags = new TreeSet<>();
        private Instant dueAt;
        private Instant responseDueAt;
        private Instant resolutionDueAt;
        private Instant firstResponseAt;
        private boolean slaBreached;
        private int escalationLevel;
        private UUID parentId;
        private SortedSet<UUID> blockedBy = new TreeSet<>();
        private Plan plan;
        private String resolution;
        private String cancelReason;
        private Instant createdAt;
        private String createdBy;
        private Instant updatedAt;
        private String updatedBy;
        private long version;

        private Builder() {}

        private Builder(Ticket t) {
            id = t.id;
            key = t.key;
            project = t.project;
            title = t.title;
            description = t.description;
            status = t.status;
            priority = t.priority;
            type = t.type;
            reporter = t.reporter;
            assignee = t.assignee;
            team = t.team;
            tags = new TreeSet<>(t.tags);
            dueAt = t.dueAt;
            responseDueAt = t.responseDueAt;
            resolutionDueAt = t.resolutionDueAt;
            firstResponseAt = t.firstResponseAt;
            slaBreached = t.slaBreached;
            escalationLevel = t.escalationLevel;
            parentId = t.parentId;
            blockedBy = new TreeSet<>(t.blockedBy);
            plan = t.plan;
            resolution = t.resolution;
            cancelReason = t.cancelReason;
            createdAt = t.createdAt;
            createdBy = t.createdBy;
            updatedAt = t.updatedAt;
            updatedBy = t.updatedBy;
            version = t.version;
        }

        public Builder id(UUID value) {
            id = value;
            return this;
        }

        public Builder key(String value) {
            key = value;
            return this;
        }

        public Builder project(String value) {
            project = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder status(Status value) {
            status = value;
            return this;
        }

        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        public Builder type(TicketType value) {
            type = value;
            return this;
        }

        public Builder reporter(String value) {
            reporter = value;
            return this;
        }

        public Builder assignee(String value) {
            assignee = value;
            return this;
        }

        public Builder team(String value) {
            team = value;
            return this;
        }

        public Builder tags(Set<String> value) {
            tags = new TreeSet<>(value);
            return this;
        }

        public Builder dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        public Builder responseDueAt(Instant value) {
            responseDueAt = value;
            return this;
        }

        public Builder resolutionDueAt(Instant value) {
            resolutionDueAt = value;
            return this;
        }

        public Builder firstResponseAt(Instant value) {
            firstResponseAt = value;
            return this;
        }

        public Builder slaBreached(boolean value) {
            slaBreached = value;
            return this;
        }

        public Builder escalationLevel(int value) {
            escalationLevel = value;
            return this;
        }

        public Builder parentId(UUID value) {
            parentId = value;
            return this;
        }

        public Builder blockedBy(Set<UUID> value) {
            blockedBy = new TreeSet<>(value);
            return this;
        }

        public Builder plan(Plan value) {
            plan = value;
            return this;
        }

        public Builder resolution(String value) {
            resolution = value;
            return this;
        }

        public Builder cancelReason(String value) {
            cancelReason = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder createdBy(String value) {
            createdBy = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder updatedBy(String value) {
            updatedBy = value;
            return this;
        }

        public Builder version(long value) {
            version = value;
            return this;
        }

        public Ticket build() {
            return new Ticket(
                    id,
                    key,
                    project,
                    title,
                    description,
                    status,
                    priority,
                    type,
                    reporter,
                    assignee,
                    team,
                    tags,
                    dueAt,
                    responseDueAt,
                    resolutionDueAt,
                    firstResponseAt,
                    slaBreached,
                    escalationLevel,
                    parentId,
                    blockedBy,
                    plan,
                    resolution,
                    cancelReason,
                    createdAt,
                    createdBy,
                    updatedAt,
                    updatedBy,
                    version);
        }
    }
}
