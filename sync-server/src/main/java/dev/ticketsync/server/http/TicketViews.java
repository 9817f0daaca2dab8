package dev.ticketsync.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.json.Json;
import java.util.List;
import java.util.Set;

/** The JSON shapes tickets take in REST answers. */
final class TicketViews {

    private TicketViews() {}

    static ObjectNode ticket(Ticket ticket) {
        return Json.strict().valueToTree(ticket);
    }

    static ObjectNode detailed(Ticket ticket, List<Comment> comments, Set<Status> allowed) {
        ObjectNode node = ticket(ticket);
        ArrayNode list = node.putArray("comments");
        comments.forEach(comment -> list.add(Json.strict().<ObjectNode>valueToTree(comment)));
        ArrayNode transitions = node.putArray("allowedTransitions");
        allowed.forEach(status -> transitions.add(status.wire()));
        return node;
    }
}
