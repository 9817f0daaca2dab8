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

    private static final boolean[] ASCII_TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_TOKEN_CHARS[c] = Character.isLetterOrDigit(c);
        }
    }

    private Tokens() {}

    static boolean isTokenChar(char c) {
        return c < 128 ? ASCII_TOKEN_CHARS[c] : Character.isLetterOrDigit(c);
    }

    /** Receives where each token of a text starts and ends. */
    @FunctionalInterface
    interface Sink {
        void token(String text, int start, int end);
    }

    /** Hands where every token of {@code text} is to {@code sink}, in order (repeats included). */
    static void scan(String text, Sink sink) {
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isTokenChar(text.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sink.token(text, start, i);
                start = -1;
            }
        }
        if (start >= 0) {
            sink.token(text, start, text.length());
        }
    }

    /** Hands every token of {@code text} to {@code sink}, in order (repeats included). */
    static void forEach(String text, Consumer<String> sink) {
        scan(text, (source, start, end) -> sink.accept(source.substring(start, end)));
    }

    /**
     * A run of letters and digits in a query word. Where the word has another character before the run, the run must
     * start a token of a text that contains the word ({@code startsToken}); where it has one after, end one.
     */
    record Run(String text, boolean startsToken, boolean endsToken) {}

    /** The runs of letters and digits in a query word, in order. */
    static List<Run> runs(String word) {
        List<Run> runs = new ArrayList<>();
        scan(
                word,
                (source, start, end) ->
                        runs.add(new Run(source.substring(start, end), start > 0, end < source.length())));
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
