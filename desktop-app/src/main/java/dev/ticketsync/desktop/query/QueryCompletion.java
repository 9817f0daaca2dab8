package dev.ticketsync.desktop.query;

import java.util.List;

/**
 * Completion for the query bar: what the term being typed (the last one) could become, as whole terms
 * ({@code sta} → {@code status:}, {@code priority:p1,p} → {@code priority:p1,p2}), and the text with one accepted.
 */
public final class QueryCompletion {

    private QueryCompletion() {}

    /** Whole-term suggestions for the last term of {@code text}; none when it is empty, quoted or already complete. */
    public static List<String> suggestions(String text) {
        String term = lastTerm(text);
        if (term.isEmpty() || term.startsWith("\"")) {
            return List.of();
        }
        int colon = term.indexOf(':');
        String head = colon < 0
                ? ""
                : term.substring(0, term.lastIndexOf(',') >= colon ? term.lastIndexOf(',') + 1 : colon + 1);
        List<String> chosen =
                colon < 0 ? List.of() : List.of(head.substring(colon + 1).split(","));
        return QueryParser.complete(term).stream()
                .filter(completion -> !chosen.contains(completion))
                .map(completion -> head + completion)
                .filter(suggestion -> !suggestion.equalsIgnoreCase(term))
                .toList();
    }

    /** {@code text} with its last term replaced by {@code suggestion}. */
    public static String accept(String text, String suggestion) {
        return text.substring(0, text.length() - lastTerm(text).length()) + suggestion;
    }

    private static String lastTerm(String text) {
        return text.substring(text.lastIndexOf(' ') + 1);
    }
}
