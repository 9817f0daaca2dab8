package dev.ticketsync.server.auth;

import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.workflow.Actor;
import java.util.UUID;

/** Who a request is from: the user behind a valid token, and which token. */
public record Principal(String login, Role role, UUID tokenId, String tokenKind) {

    public Actor actor() {
        return new Actor(login, role);
    }
}
