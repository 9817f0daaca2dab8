package dev.ticketsync.desktop.ui.connect;

import dev.ticketsync.desktop.sync.AccountClient;
import dev.ticketsync.desktop.sync.NotTicketSyncServer;
import dev.ticketsync.desktop.sync.ServerError;
import dev.ticketsync.desktop.sync.ServerInfo;
import dev.ticketsync.desktop.sync.ServerUnreachable;
import java.io.IOException;
import java.time.Duration;

/**
 * What went wrong talking to a server, in sentences a person can act on: which host, what it means, what to try.
 * Shared by the connect dialog and the account menu.
 */
public final class ServerProblems {

    private ServerProblems() {}

    /** A failure that is not a refusal with a reason of its own: nothing answered, or something else did. */
    public static String explain(IOException failure) {
        if (failure instanceof ServerUnreachable unreachable) {
            return unreachable(unreachable);
        }
        if (failure instanceof NotTicketSyncServer other) {
            return other.host() + " answers, but it is not a TicketSync server (" + other.seen()
                    + "). Check the address.";
        }
        if (failure instanceof ServerError refused) {
            return "The server refused: " + refused.reason() + " (HTTP " + refused.status() + ").";
        }
        return "Something went wrong: " + failure.getMessage();
    }

    private static String unreachable(ServerUnreachable e) {
        String host = e.host();
        return switch (e.reason()) {
            case UNKNOWN_HOST ->
                "Cannot find the server " + host + ". Check the address, and that this computer is online.";
            case REFUSED ->
                "Cannot reach " + host
                        + ": nothing answers there. Check the address and port, and that the server is running.";
            case TIMEOUT -> host + " does not answer. Check the address and your network (VPN, firewall).";
            case TLS ->
                "Cannot open a secure connection to " + host + " (" + rootCause(e)
                        + "). If the server has no HTTPS, use its http:// address.";
            case UNAVAILABLE -> "The server at " + host + " is not available right now. Try again in a minute.";
            case OTHER -> "Cannot reach " + host + " (" + rootCause(e) + ").";
        };
    }

    /** Null when the server speaks this app's protocol; otherwise which side needs updating. */
    public static String protocolMismatch(String host, ServerInfo info) {
        int mine = AccountClient.PROTOCOL_VERSION;
        if (info.protocolVersion() < mine) {
            return "The server at " + host + " is too old for this app (TicketSync server " + info.version()
                    + " speaks sync protocol " + info.protocolVersion() + ", this app needs " + mine
                    + "). Ask your administrator to update the server.";
        }
        if (info.protocolVersion() > mine) {
            return "This app is too old for the server at " + host + " (TicketSync server " + info.version()
                    + " speaks sync protocol " + info.protocolVersion() + ", this app speaks " + mine
                    + "). Update TicketSync on this computer.";
        }
        return null;
    }

    /** "Too many failed sign-ins. Try again in 15 minutes." — from the server's Retry-After. */
    public static String throttled(ServerError e) {
        return e.retryAfter()
                .map(wait -> "Too many failed sign-ins. Try again in " + duration(wait) + ".")
                .orElse("Too many failed sign-ins. " + e.reason());
    }

    /** The server's reason without its "field: " prefix, for showing under that field. */
    public static String fieldReason(ServerError e) {
        String reason = e.reason();
        String prefix = e.field().map(field -> field + ": ").orElse("");
        return reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason;
    }

    static String duration(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
