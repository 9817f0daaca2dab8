package dev.ticketsync.desktop.query;

import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.domain.WireName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses the query bar's language; a mistake is explained with the position of the term at fault. */
public final class QueryParser {

    /** The fields the language knows, for completion and error messages. */
    public static final List<String> FIELDS = List.of("status", "assignee", "priority", "tag", "type", "is");

    /** A query, or why it could not be read and where. */
    public record Result(TicketQuery query, String error, int errorAt) {
        public boolean ok() {
            return error == null;
        }
    }

    private QueryParser() {}

    public static Result parse(String text) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        Set<String> assignees = new LinkedHashSet<>();
        boolean unassigned = false;
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        Set<String> tags = new LinkedHashSet<>();
        Set<TicketType> types = EnumSet.noneOf(TicketType.class);
        boolean pending = false;
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            if (text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    return error("a quote is not closed", start);
                }
                words.add(text.substring(i + 1, end).strip().toLowerCase(Locale.ROOT));
                i = end + 1;
                continue;
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String term = text.substring(start, i);
            int colon = term.indexOf(':');
            if (colon < 0) {
                words.add(term.toLowerCase(Locale.ROOT));
                continue;
            }
            String field = term.substring(0, colon).toLowerCase(Locale.ROOT);
            String[] values = term.substring(colon + 1).split(",");
            if (term.substring(colon + 1).isEmpty()) {
                return error(field + ": needs a value", start);
            }
            for (String raw : values) {
                String value = raw.toLowerCase(Locale.ROOT);
                switch (field) {
                    case "status" -> {
                        if (value.equals("open")) {
                            statuses.addAll(Status.OPEN);
                        } else if (value.equals("closed") || value.equals("done")) {
                            statuses.addAll(EnumSet.of(Status.RESOLVED, Status.CLOSED, Status.CANCELLED));
                        } else {
                            var status = WireName.parse(Status.class, value);
                            if (status.isEmpty()) {
                                return error(
                                        "status: unknown '" + raw + "'; try open, " + WireName.allowed(Status.class),
                                        start);
                            }
                            statuses.add(status.get());
                        }
                    }
                    case "assignee" -> {
                        if (value.equals("none")) {
                            unassigned = true;
                        } else {
                            assignees.add(value.equals("me") ? "me" : raw);
                        }
                    }
                    case "priority" -> {
                        var priority = WireName.parse(Priority.class, value);
                        if (priority.isEmpty()) {
                            return error("priority: unknown '" + raw + "'; try p1, p2, p3, p4", start);
                        }
                        priorities.add(priority.get());
                    }
                    case "tag" -> tags.add(value);
                    case "type" -> {
                        var type = WireName.parse(TicketType.class, value);
                        if (type.isEmpty()) {
                            return error(
                                    "type: unknown '" + raw + "'; try " + WireName.allowed(TicketType.class), start);
                        }
                        types.add(type.get());
                    }
                    case "is" -> {
                        if (value.equals("pending")) {
                            pending = true;
                        } else if (value.equals("unassigned")) {
                            unassigned = true;
                        } else {
                            return error("is: unknown '" + raw + "'; try pending, unassigned", start);
                        }
                    }
                    default -> {
                        return error("unknown field '" + field + "'; try " + String.join(", ", FIELDS), start);
                    }
                }
            }
        }
        return new Result(
                new TicketQuery(statuses, assignees, unassigned, priorities, tags, types, pending, words), null, -1);
    }

    /** Completions for the term being typed: field names, or values of the field before the colon. */
    public static List<String> complete(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon < 0) {
            return FIELDS.stream()
                    .filter(f -> f.startsWith(lower))
                    .map(f -> f + ":")
                    .toList();
        }
        String field = lower.substring(0, colon);
        String after = lower.substring(colon + 1);
        String typed = after.substring(after.lastIndexOf(',') + 1);
        List<String> values = switch (field) {
            case "status" -> {
                Set<String> all = new LinkedHashSet<>(List.of("open", "closed"));
                for (Status status : Status.values()) {
                    all.add(status.wire());
                }
                yield List.copyOf(all);
            }
            case "priority" -> List.of("p1", "p2", "p3", "p4");
            case "type" -> List.of("incident", "request", "problem", "task");
            case "assignee" -> List.of("me", "none");
            case "is" -> List.of("pending", "unassigned");
            default -> List.of();
        };
        return values.stream().filter(v -> v.startsWith(typed)).toList();
    }

    private static Result error(String message, int at) {
        return new Result(null, message, at);
    }
}
