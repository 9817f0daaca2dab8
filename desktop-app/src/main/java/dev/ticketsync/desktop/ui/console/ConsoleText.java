package dev.ticketsync.desktop.ui.console;

import dev.ticketsync.desktop.sync.ServerError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** How the console words what it shows: failures, times, device ids, audit actions. */
final class ConsoleText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss");

    private ConsoleText() {}

    /** A failed call, in words a lead can act on; a server that cannot be reached is said so plainly. */
    static String failure(Exception failure) {
        if (failure instanceof ServerError error) {
            return switch (error.status()) {
                case 401 -> "Signed out: sign in again to see the console";
                case 403 -> "Only leads and admins may see this: " + error.reason();
                case 400, 404, 409 -> error.reason();
                default ->
                    error.isUnavailable()
                            ? "Server unavailable (" + error.status() + "): " + error.reason()
                            : "The server failed (" + error.status() + " " + error.code() + "): " + error.reason();
            };
        }
        if (failure instanceof IOException) {
            return "Server unreachable: "
                    + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        }
        return "Could not read the server's answer: " + failure;
    }

    /** "just now", "12 s ago", "4 min ago", "3 h ago", then the date. */
    static String ago(Instant at, Instant now, ZoneId zone) {
        if (at == null) {
            return "never";
        }
        long seconds = Duration.between(at, now).toSeconds();
        if (seconds < 2) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return DAY_AND_TIME.format(at.atZone(zone));
    }

    static String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    static String dayAndTime(Instant at, ZoneId zone) {
        return at == null ? "" : DAY_AND_TIME.format(at.atZone(zone));
    }

    /** The first block of a clientId: enough to tell a lead's handful of devices apart at a glance. */
    static String shortId(UUID clientId) {
        return clientId == null ? "—" : clientId.toString().substring(0, 8);
    }

    /** {@code STATUS_CHANGED} → "Status changed". */
    static String humanize(String upperSnake) {
        String words = upperSnake.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
