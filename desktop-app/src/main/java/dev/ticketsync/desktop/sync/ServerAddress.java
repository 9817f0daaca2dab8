package dev.ticketsync.desktop.sync;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A server address as a person types it, checked and normalized: {@code tickets.example.com} becomes
 * {@code https://tickets.example.com}, {@code localhost:8080} becomes {@code http://localhost:8080} (a local server
 * rarely has a certificate), a trailing slash goes. The normalized URL names the profile, so both spellings reach the
 * same replica.
 */
public record ServerAddress(String url, String host, int port, boolean secure) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The text is not a usable server address; the message completes "Server URL …". */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static ServerAddress parse(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            throw new Invalid("is required, like https://tickets.example.com");
        }
        if (!typed.contains("://")) {
            String host = hostOf("https://" + typed);
            typed = (host != null && isLoopback(host) ? "http://" : "https://") + typed;
        }
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            throw new Invalid("is not a web address (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Invalid("must start with https:// or http://");
        }
        if (uri.getHost() == null) {
            throw new Invalid("has no server name after " + scheme + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Invalid("must not contain a user name or password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new Invalid("must not contain ? or #");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            throw new Invalid("must be the server's address without a path (remove " + path + ")");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String url = scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new ServerAddress(url, host, uri.getPort(), scheme.equals("https"));
    }

    /** Host and port as a person reads them: {@code tickets.example.com} or {@code 10.0.0.5:8080}. */
    public String hostAndPort() {
        return port < 0 ? host : host + ":" + port;
    }

    /** True when the address is this machine (loopback), decided from the text alone: no name lookup. */
    public boolean isThisMachine() {
        return isLoopback(host);
    }

    /** Plain http to another machine: the password and every ticket travel readable by anyone on the way. */
    public boolean sendsInClear() {
        return !secure && !isThisMachine();
    }

    private static String hostOf(String url) {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (IPV4.matcher(name).matches()) {
            return name.startsWith("127.");
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            try {
                // An IPv6 literal: parsed, never looked up.
                return InetAddress.getByName(name.substring(1, name.length() - 1))
                        .isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
