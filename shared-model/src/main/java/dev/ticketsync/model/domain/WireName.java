package dev.ticketsync.model.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum spelled in lower case on the wire ({@code in_progress}, {@code p1}). The JSON mapping and the query language
 * both go through {@link #wire()} and {@link #parse}, so there is exactly one spelling.
 */
public interface WireName {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.wire().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The accepted spellings, for error messages: {@code new, triaged, in_progress}. */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> ((WireName) value).wire())
                .collect(Collectors.joining(", "));
    }
}
