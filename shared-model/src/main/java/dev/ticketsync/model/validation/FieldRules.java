package dev.ticketsync.model.validation;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The field rules every command shares; each failure names its field. */
public final class FieldRules {

    public static final int TITLE_MAX_CHARS = 200;
    public static final int TEXT_MAX_BYTES = 64 * 1024;
    public static final int MAX_TAGS = 20;
    public static final int TAG_MAX_CHARS = 40;
    public static final int LOGIN_MAX_CHARS = 64;
    public static final int MAX_STAGES = 50;

    private static final Pattern TAG = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]+");
    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private FieldRules() {}

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    public static String title(String field, String value) {
        required(field, value);
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > TITLE_MAX_CHARS) {
            throw new ValidationException(field, "must be 1–" + TITLE_MAX_CHARS + " characters");
        }
        noControlCharacters(field, trimmed);
        return trimmed;
    }

    /** Long text (description, comment, resolution): may hold line breaks and tabs, at most 64 KiB of UTF-8. */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > TEXT_MAX_BYTES) {
            throw new ValidationException(field, "must be at most 64 KiB");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new ValidationException(field, "must not contain control characters");
            }
        }
        return value;
    }

    public static String nonBlankText(String field, String value) {
        required(field, value);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return text(field, value);
    }

    public static String login(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > LOGIN_MAX_CHARS) {
            throw new ValidationException(field, "must be 1–" + LOGIN_MAX_CHARS + " characters");
        }
        noControlCharacters(field, value);
        if (!LOGIN.matcher(value).matches()) {
            throw new ValidationException(field, "may contain only letters, digits and . _ @ -");
        }
        return value;
    }

    /** A short single-line name (team, file name, stage). */
    public static String shortName(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > maxChars) {
            throw new ValidationException(field, "must be 1–" + maxChars + " characters");
        }
        noControlCharacters(field, trimmed);
        return trimmed;
    }

    /** Checks every tag at its position as sent, then returns them sorted and without repeats. */
    public static List<String> tags(String field, Collection<String> values) {
        required(field, values);
        SortedSet<String> tags = new TreeSet<>();
        int index = 0;
        for (String tag : values) {
            String at = field + "[" + index++ + "]";
            required(at, tag);
            noControlCharacters(at, tag);
            if (tag.isEmpty()
                    || tag.length() > TAG_MAX_CHARS
                    || !TAG.matcher(tag).matches()) {
                throw new ValidationException(
                        at, "must be 1–" + TAG_MAX_CHARS + " characters of a-z 0-9 . _ - (got '" + tag + "')");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new ValidationException(field, "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }

    public static String project(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!PROJECT.matcher(value).matches()) {
            throw new ValidationException(field, "must be 2–10 upper-case letters or digits, starting with a letter");
        }
        return value;
    }

    public static String sha256(String field, String value) {
        required(field, value);
        if (!SHA256.matcher(value).matches()) {
            throw new ValidationException(field, "must be 64 lower-case hex digits");
        }
        return value;
    }

    public static List<String> stages(String field, List<String> values) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty() || values.size() > MAX_STAGES) {
            throw new ValidationException(field, "must list 1–" + MAX_STAGES + " stages");
        }
        for (int i = 0; i < values.size(); i++) {
            shortName(field + "[" + i + "]", Objects.requireNonNullElse(values.get(i), ""), 200);
        }
        return values.stream().map(String::strip).toList();
    }

    public static void noControlCharacters(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(field, "must not contain control characters");
            }
        }
    }
}
