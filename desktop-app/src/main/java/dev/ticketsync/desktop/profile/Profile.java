package dev.ticketsync.desktop.profile;

import dev.ticketsync.model.domain.Role;
import java.net.URI;
import java.nio.file.Path;

/**
 * One (server, user) pair this machine has signed in to: where its replica and token live, and who the user is (name
 * and role as of the last sign-in, so the app can open offline).
 */
public record Profile(String serverUrl, String login, String displayName, Role role, Path directory) {

    /** "alice @ tickets.example.com" — how menus name a profile. */
    public String label() {
        return login + " @ " + hostAndPort();
    }

    public String hostAndPort() {
        URI uri = URI.create(serverUrl);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
