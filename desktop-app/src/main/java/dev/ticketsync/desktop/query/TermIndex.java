package dev.ticketsync.desktop.query;

import java.util.Arrays;
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

    /** "\nterm0\nterm1\n…": every term has a separator before and after it. */
    private final StringBuilder dictionary = new StringBuilder().append(SEPARATOR);

    // Per term id: where it starts in the dictionary, its length and hash, its documents, and the add() that last saw
    // it (so a document's repeated words are indexed once).
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private PostingList[] postings = new PostingList[1024];
    private int[] seen = new int[1024];
    private int terms;

    /**
     * Term ids by their text, found straight from a token's place in the text (no substring, no boxing): open
     * addressing, id + 1 per slot (0: free), never more than half full.
     */
    private int[] slots = new int[2048];

    /** The documents with a term containing each character. */
    private final PostingList[] byChar = new PostingList[Character.MAX_VALUE + 1];

    private final int[] charsBefore = new int[Character.MAX_VALUE + 1];
    private final int[] charsAfter = new int[Character.MAX_VALUE + 1];
    private int stamp;

    /** Indexes a document that has no terms yet: every token of the texts (null ones are skipped). */
    void add(int doc, String... texts) {
        int call = ++stamp;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Tokens.scan(text, (source, start, end) -> {
                int id = idOf(source, start, end);
                if (seen[id] != call) {
                    seen[id] = call;
                    postings[id].add(doc);
                    for (int i = start; i < end; i++) {
                        char c = source.charAt(i);
                        if (charsAfter[c] != call) {
                            charsAfter[c] = call;
                            byChar(c).add(doc);
                        }
                    }
                }
            });
        }
    }

    /** A document's terms changed from {@code before} to {@code after} (either may be empty). */
    void replace(int doc, Set<String> before, Set<String> after) {
        for (String term : before) {
            int id = find(term, 0, term.length(), term.hashCode());
            if (id >= 0 && !after.contains(term)) {
                postings[id].remove(doc);
            }
        }
        for (String term : after) {
            if (!before.contains(term)) {
                int id = idOf(term, 0, term.length()); // may grow the arrays: look them up after
                postings[id].add(doc);
            }
        }
        replaceChars(doc, before, after);
    }

    /** Sets the bit of every document with a term that holds {@code run} (letters and digits) as {@code match} says. */
    void orDocs(String run, Match match, long[] bits) {
        if (match == Match.EXACT) {
            int id = find(run, 0, run.length(), run.hashCode());
            if (id >= 0) {
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

    private int idOf(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i); // String.hashCode's, so a whole term's cached hash finds it too
        }
        int id = find(text, start, end, hash);
        return id >= 0 ? id : create(text, start, end, hash);
    }

    /** The id of the term {@code text[start, end)} with that hash, or -1. */
    private int find(String text, int start, int end, int hash) {
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (hashes[id] == hash && lengths[id] == end - start && sameText(id, text, start)) {
                return id;
            }
        }
        return -1;
    }

    private boolean sameText(int id, String text, int start) {
        int at = starts[id];
        for (int i = 0; i < lengths[id]; i++) {
            if (dictionary.charAt(at + i) != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    private int create(String text, int start, int end, int hash) {
        if (terms == starts.length) {
            int size = terms * 2;
            starts = Arrays.copyOf(starts, size);
            lengths = Arrays.copyOf(lengths, size);
            hashes = Arrays.copyOf(hashes, size);
            postings = Arrays.copyOf(postings, size);
            seen = Arrays.copyOf(seen, size);
        }
        int id = terms++;
        starts[id] = dictionary.length();
        lengths[id] = end - start;
        hashes[id] = hash;
        postings[id] = new PostingList();
        dictionary.append(text, start, end).append(SEPARATOR);
        if (terms * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int known = 0; known < terms; known++) {
                place(known);
            }
        } else {
            place(id);
        }
        return id;
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int slot = spread(hashes[id]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private PostingList byChar(char c) {
        if (byChar[c] == null) {
            byChar[c] = new PostingList();
        }
        return byChar[c];
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
                    byChar(c).add(doc);
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
