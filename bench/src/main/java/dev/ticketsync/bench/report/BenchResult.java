package dev.ticketsync.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run, keyed by {@link ResultKey}; a scenario that was skipped or failed leaves its keys absent.
 * Safe to fill from one thread at a time (scenarios run one after another).
 */
public final class BenchResult {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ResultKey, BigDecimal> figures = new EnumMap<>(ResultKey.class);

    public BenchResult put(ResultKey key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key.json() + " must be a finite number, got " + value);
        }
        figures.put(key, BigDecimal.valueOf(value).setScale(key.decimals(), RoundingMode.HALF_UP));
        return this;
    }

    public Optional<Double> get(ResultKey key) {
        return Optional.ofNullable(figures.get(key)).map(BigDecimal::doubleValue);
    }

    public boolean has(ResultKey key) {
        return figures.containsKey(key);
    }

    /** One line of JSON with every figure present, in {@link ResultKey} order. */
    public String toJsonLine() {
        ObjectNode line = JSON.createObjectNode();
        figures.forEach((key, value) -> {
            if (key.decimals() == 0) {
                line.put(key.json(), value.longValueExact());
            } else {
                line.put(key.json(), value);
            }
        });
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers always serialise", e);
        }
    }

    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJsonLine() + "\n", StandardCharsets.UTF_8);
    }
}
