package dev.ticketsync.model.workflow;

import dev.ticketsync.model.domain.Role;
import java.util.Objects;

/** Who runs a command: a login and its role. */
public record Actor(String login, Role role) {

    public Actor {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
    }
}
