package dev.ticketsync.desktop.query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The inverted index: every term (see {@link Tokens}) with the documents that contain it. Free words match anywhere
 * inside a term ({@code log} finds {@code login}), so lookups go through the dictionary text — every term between
 * newlines, searched with {@link StringBuilder#indexOf} (a vectorised scan of a few MB) — rather than through exact
 * term lookups; a one-letter word, which would hit most terms, has its own postings per character. Not thread-safe:
 * {@link TicketSearch} guards it.
 */
final class TermIndex {

    /** How a run of a query word must sit in a term (see {@link Tokens.Run}). */
    enum Match {
        CONTAINS,
        PREFIX,
        SUFFIX,
        EXACT;

        static Match of(Tokens.Run run) {
            if (run.startsToken()) {
                return run.endsToken() ? EXACT : PREFIX;
            }
            return run.endsToken() ? SUFFIX : CONTAINS;
        }
    }

    private static final char SEPARATOR = '\n';

    private final Map<String, Integer> ids = new HashMap<>();
    /** "\nterm0\nterm1\n…": every term has a separator before and after it. */
    private final StringBuilder dictionary = new StringBuilder().append(SEPARATOR);

    private int[] starts = new int[1024];
    private PostingList[] postings = new PostingList[1024];
    private int terms;

    /** The documents with a term containing each character. */
    private final PostingList[] byChar = new PostingList[Character.MAX_VALUE + 1];

    private final int[] charsBefore = new int[Character.MAX_VALUE + 1];
    private final int[] charsAfter = new int[Character.MAX_VALUE + 1];
    private int stamp;

    /** A document's terms changed from {@code before} to {@code after} (either may be empty). */
    void replace(int doc, Set<String> before, Set<String> after) {
        for (String term : before) {
            if (!after.contains(term)) {
                Integer id = ids.get(term);
                if (id != null) {
                    postings[id].remove(doc);
                }
            }
        }
        for (String term : after) {
            if (!before.contains(term)) {
                int id = idOf(term); // may grow the arrays: look them up after
                postings[id].add(doc);
            }
        }
        replaceChars(doc, before, after);
    }

    /** Sets the bit of every document with a term that holds {@code run} (letters and digits) as {@code match} says. */
    void orDocs(String run, Match match, long[] bits) {
        if (match == Match.EXACT) {
            Integer id = ids.get(run);
            if (id != null) {
                postings[id].orInto(bits);
            }
            return;
        }
        if (match == Match.CONTAINS && run.length() == 1) {
            PostingList docs = byChar[run.charAt(0)];
            if (docs != null) {
                docs.orInto(bits);
            }
            return;
        }
        String pattern = switch (match) {
            case PREFIX -> SEPARATOR + run;
            case SUFFIX -> run + SEPARATOR;
            default -> run;
        };
        int from = 0;
        while (true) {
            int at = dictionary.indexOf(pattern, from);
            if (at < 0) {
                return;
            }
            // The pattern's run holds no separator, so it lies inside one term: the one its last letter is in.
            int term = termAt(at + pattern.length() - (match == Match.SUFFIX ? 2 : 1));
            postings[term].orInto(bits);
            // Go on from the separator before the next term (a prefix pattern starts with it).
            from = term + 1 < terms ? starts[term + 1] - 1 : dictionary.length();
        }
    }

    int termCount() {
        return terms;
    }

    long postingCount() {
        long sum = 0;
        for (int i = 0; i < terms; i++) {
            sum += postings[i].size();
        }
        return sum;
    }

    private int termAt(int position) {
        int term = Arrays.binarySearch(starts, 0, terms, position);
        return term >= 0 ? term : -term - 2;
    }

    private int idOf(String term) {
        Integer known = ids.get(term);
        if (known != null) {
            return known;
        }
        if (terms == starts.length) {
            starts = Arrays.copyOf(starts, terms * 2);
            postings = Arrays.copyOf(postings, terms * 2);
        }
        int id = terms++;
        ids.put(term, id);
        starts[id] = dictionary.length();
        postings[id] = new PostingList();
        dictionary.append(term).append(SEPARATOR);
        return id;
    }

    private void replaceChars(int doc, Set<String> before, Set<String> after) {
        int stampBefore = ++stamp;
        markChars(before, charsBefore, stampBefore);
        int stampAfter = ++stamp;
        markChars(after, charsAfter, stampAfter);
        for (String term : before) {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (charsAfter[c] != stampAfter && charsBefore[c] == stampBefore) {
                    byChar[c].remove(doc);
                    charsBefore[c] = 0; // handled
                }
            }
        }
        for (String term : after) {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (charsBefore[c] != stampBefore && charsAfter[c] == stampAfter) {
                    if (byChar[c] == null) {
                        byChar[c] = new PostingList();
                    }
                    byChar[c].add(doc);
                    charsAfter[c] = 0; // handled
                }
            }
        }
    }

    private static void markChars(Set<String> terms, int[] seen, int stamp) {
        for (String term : terms) {
            for (int i = 0; i < term.length(); i++) {
                seen[term.charAt(i)] = stamp;
            }
        }
    }
}
