package dev.ticketsync.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strict query parameters: unknown names, repeats where one is expected and out-of-range numbers are 400s. */
public final class QueryParams {

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    public static QueryParams of(Context ctx, Set<String> known) {
        Map<String, List<String>> params = ctx.queryParamMap();
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalid(name, "is not a known parameter; known: " + String.join(", ", known));
            }
        }
        return new QueryParams(params);
    }

    public List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    public String one(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw ApiException.invalid(name, "may be given once");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    public int intIn(String name, int min, int max, int fallback) {
        String value = one(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw ApiException.invalid(name, "must be " + min + "–" + max + ", got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number " + min + "–" + max + ", got '" + value + "'");
        }
    }

    public long longAtLeast(String name, long min, long fallback) {
        String value = one(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min) {
                throw ApiException.invalid(name, "must be " + min + " or more, got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number, got '" + value + "'");
        }
    }

    public java.util.UUID uuid(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be a UUID, got '" + value + "'");
        }
    }
}
