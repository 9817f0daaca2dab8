package dev.ticketsync.desktop.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the full-text index cuts text: a token is a maximal run of letters and digits. The query language matches a
 * free word as a substring of the lower-cased text, and a word made only of letters and digits can only occur inside
 * one token — so "some token contains the word" is exactly "the text contains the word", which lets the index answer
 * such words without looking at the text. Words with other characters (a key like {@code ops-12}, a phrase) only
 * narrow the candidates through their runs, and the text decides.
 */
final class Tokens {

    private Tokens() {}

    static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Hands every token of {@code text} to {@code sink}, in order (repeats included). */
    static void forEach(String text, Consumer<String> sink) {
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isTokenChar(text.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sink.accept(text.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            sink.accept(start == 0 ? text : text.substring(start));
        }
    }

    /**
     * A run of letters and digits in a query word. Where the word has another character before the run, the run must
     * start a token of a text that contains the word ({@code startsToken}); where it has one after, end one.
     */
    record Run(String text, boolean startsToken, boolean endsToken) {}

    /** The runs of letters and digits in a query word, in order. */
    static List<Run> runs(String word) {
        List<Run> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= word.length(); i++) {
            boolean token = i < word.length() && isTokenChar(word.charAt(i));
            if (token && start < 0) {
                start = i;
            } else if (!token && start >= 0) {
                runs.add(new Run(word.substring(start, i), start > 0, i < word.length()));
                start = -1;
            }
        }
        return runs;
    }

    /** True when the word is one run of letters and digits: the index alone decides whether a text contains it. */
    static boolean isOneRun(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!isTokenChar(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
