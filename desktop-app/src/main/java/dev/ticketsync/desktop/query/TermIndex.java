package dev.ticketsync.desktop.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverted index: every term (see {@link Tokens}) with the documents that contain it. Free words match anywhere
 * inside a term ({@code log} finds {@code login}), so lookups go through the dictionary text — all terms joined by
 * newlines, searched with {@link StringBuilder#indexOf} (a vectorised scan of a few MB) — rather than through exact
 * term lookups. Not thread-safe: {@link TicketSearch} guards it.
 */
final class TermIndex {

    private static final char SEPARATOR = '\n';

    private final Map<String, Integer> ids = new HashMap<>();
    private final StringBuilder dictionary = new StringBuilder();
    private int[] starts = new int[1024];
    private PostingList[] postings = new PostingList[1024];
    private int terms;

    void add(int doc, Collection<String> docTerms) {
        for (String term : docTerms) {
            int id = idOf(term); // may grow the arrays: look them up after
            postings[id].add(doc);
        }
    }

    void remove(int doc, Collection<String> docTerms) {
        for (String term : docTerms) {
            Integer id = ids.get(term);
            if (id != null) {
                postings[id].remove(doc);
            }
        }
    }

    /** Sets the bit of every document with a term that contains {@code run}, a run of letters and digits. */
    void orDocsContaining(String run, long[] bits) {
        int from = 0;
        while (true) {
            int at = dictionary.indexOf(run, from);
            if (at < 0) {
                return;
            }
            // A run holds no separator, so the match lies inside one term.
            int term = Arrays.binarySearch(starts, 0, terms, at);
            if (term < 0) {
                term = -term - 2;
            }
            postings[term].orInto(bits);
            from = term + 1 < terms ? starts[term + 1] : dictionary.length();
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
}
