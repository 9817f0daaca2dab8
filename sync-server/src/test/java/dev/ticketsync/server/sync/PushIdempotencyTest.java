package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.PUSH;
import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static dev.ticketsync.server.sync.SyncCalls.pushBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.FieldEdit;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.command.Unwatch;
import dev.ticketsync.model.command.Watch;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.json.Json;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A device's batch is applied exactly once, however often it is re-sent (DESIGN.md §5). */
class PushIdempotencyTest {

    private static TestServer server;
    private static TestServer.Client alice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** create, comment, and an illegal NEW → RESOLVED transition: two accepted, one rejected. */
    private static List<Mutation> createCommentAndIllegalTransition(UUID ticketId, UUID commentId, String word) {
        return List.of(
                mutation(1, CreateTicket.of(ticketId, "Printer prints blank pages " + word)),
                mutation(2, new AddComment(commentId, ticketId, "Toner is full", Visibility.PUBLIC)),
                mutation(3, Transition.to(ticketId, Status.RESOLVED)));
    }

    @Test
    void the_same_batch_pushed_three_times_is_applied_once() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        UUID commentId = UUID.randomUUID();
        List<Mutation> batch = createCommentAndIllegalTransition(ticketId, commentId, "quokka");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(push(alice, clientId, batch).lastMutationId()).isEqualTo(3);
        }

        assertThat(alice.get("/api/v1/tickets?q=quokka").json().get("total").asLong())
                .isEqualTo(1);
        JsonNode ticket = alice.get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asText()).isEqualTo("new");
        assertThat(ticket.get("comments")).hasSize(1);
        assertThat(ticket.at("/comments/0/id").asText()).isEqualTo(commentId.toString());
        List<String> actions = new ArrayList<>();
        alice.get("/api/v1/tickets/" + ticketId + "/audit")
                .json()
                .get("items")
                .forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions).containsExactly("TICKET_CREATED", "COMMENT_ADDED");
    }

    @Test
    void a_resent_batch_answers_duplicate_with_the_original_seq_or_code_and_message() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        List<Mutation> batch = createCommentAndIllegalTransition(ticketId, UUID.randomUUID(), "wombat");

        PushResult first = push(alice, clientId, batch);
        assertThat(first.results())
                .extracting(MutationResult::status)
                .containsExactly(MutationStatus.ACCEPTED, MutationStatus.ACCEPTED, MutationStatus.REJECTED);
        MutationResult created = first.results().get(0);
        MutationResult commented = first.results().get(1);
        MutationResult refused = first.results().get(2);
        assertThat(created.seq()).isPositive();
        assertThat(commented.seq()).isGreaterThan(created.seq());
        assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(refused.message()).contains("New").contains("Resolved");

        for (int attempt = 2; attempt <= 3; attempt++) {
            TestServer.Response again = alice.post(PUSH, pushBody(clientId, batch));
            assertThat(again.status()).isEqualTo(200);
            JsonNode results = again.json().get("results");
            assertThat(results).as("attempt " + attempt).hasSize(3);
            for (int i = 0; i < 2; i++) {
                JsonNode duplicate = results.get(i);
                assertThat(duplicate.get("mutationId").asLong()).isEqualTo(i + 1);
                assertThat(duplicate.get("status").asText()).isEqualTo("duplicate");
                assertThat(duplicate.get("outcome").asText()).isEqualTo("accepted");
                assertThat(duplicate.get("seq").asLong())
                        .isEqualTo(first.results().get(i).seq());
            }
            JsonNode rejected = results.get(2);
            assertThat(rejected.get("status").asText()).isEqualTo("duplicate");
            assertThat(rejected.get("outcome").asText()).isEqualTo("rejected");
            assertThat(rejected.get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
            assertThat(rejected.get("message").asText()).isEqualTo(refused.message());
            assertThat(again.json().get("lastMutationId").asLong()).isEqualTo(3);
        }
    }

    @Test
    void a_batch_overlapping_handled_mutations_answers_duplicates_then_applies_the_new_ones() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        Mutation create = mutation(1, CreateTicket.of(ticketId, "Overlap probe"));
        Mutation comment = mutation(2, new AddComment(UUID.randomUUID(), ticketId, "first", Visibility.PUBLIC));
        Mutation later = mutation(3, new AddComment(UUID.randomUUID(), ticketId, "piled up", Visibility.PUBLIC));
        push(alice, clientId, List.of(create, comment));

        PushResult resent = push(alice, clientId, List.of(create, comment, later));

        assertThat(resent.results())
                .extracting(MutationResult::status)
                .containsExactly(MutationStatus.DUPLICATE, MutationStatus.DUPLICATE, MutationStatus.ACCEPTED);
        assertThat(resent.lastMutationId()).isEqualTo(3);
        assertThat(alice.get("/api/v1/tickets/" + ticketId).json().get("comments"))
                .hasSize(2);
    }

    @Test
    void a_mutation_id_past_the_next_expected_one_is_a_gap_naming_the_expected_id() {
        UUID clientId = UUID.randomUUID();
        UUID gapTicket = UUID.randomUUID();
        push(alice, clientId, List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Before the gap"))));

        TestServer.Response gap =
                alice.post(PUSH, pushBody(clientId, List.of(mutation(3, CreateTicket.of(gapTicket, "After a gap")))));

        assertThat(gap.status()).isEqualTo(409);
        assertThat(gap.errorCode()).isEqualTo("MUTATION_GAP");
        assertThat(gap.json().at("/error/message").asText()).containsPattern("expects 2\\b");
        assertThat(alice.get("/api/v1/tickets/" + gapTicket).status()).isEqualTo(404);
        PushResult resumed = push(alice, clientId, List.of(mutation(2, CreateTicket.of(gapTicket, "After a gap"))));
        assertThat(resumed.results().get(0).status()).isEqualTo(MutationStatus.ACCEPTED);
        assertThat(resumed.lastMutationId()).isEqualTo(2);
    }

    @Test
    void a_new_device_starting_past_mutation_one_is_a_gap_expecting_one() {
        TestServer.Response gap = alice.post(
                PUSH, pushBody(UUID.randomUUID(), List.of(mutation(5, CreateTicket.of(UUID.randomUUID(), "Too far")))));

        assertThat(gap.status()).isEqualTo(409);
        assertThat(gap.errorCode()).isEqualTo("MUTATION_GAP");
        assertThat(gap.json().at("/error/message").asText()).containsPattern("expects 1\\b");
    }

    @Test
    void a_rejection_advances_last_mutation_id_and_later_mutations_are_still_accepted() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        List<Mutation> batch = List.of(
                mutation(1, CreateTicket.of(ticketId, "Rejection in the middle")),
                mutation(2, Transition.to(ticketId, Status.RESOLVED)),
                mutation(3, new AddComment(UUID.randomUUID(), ticketId, "still here", Visibility.INTERNAL)),
                mutation(4, EditFields.of(ticketId, EditableField.PRIORITY, FieldEdit.to("p1"))));

        PushResult result = push(alice, clientId, batch);

        assertThat(result.results())
                .extracting(MutationResult::status)
                .containsExactly(
                        MutationStatus.ACCEPTED,
                        MutationStatus.REJECTED,
                        MutationStatus.ACCEPTED,
                        MutationStatus.ACCEPTED);
        assertThat(result.lastMutationId()).isEqualTo(4);
        JsonNode ticket = alice.get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.get("priority").asText()).isEqualTo("p1");
        assertThat(ticket.get("comments")).hasSize(1);
        assertThat(SyncCalls.pull(alice, clientId, 0, 1).lastMutationId()).isEqualTo(4);
        PushResult next = push(
                alice,
                clientId,
                List.of(mutation(5, EditFields.of(ticketId, EditableField.PRIORITY, FieldEdit.to("p2")))));
        assertThat(next.results().get(0).status()).isEqualTo(MutationStatus.ACCEPTED);
    }

    @Test
    void an_empty_batch_answers_no_results_and_the_current_last_mutation_id() {
        UUID clientId = UUID.randomUUID();
        TestServer.Response fresh = alice.post(PUSH, pushBody(clientId, List.of()));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json()).isEqualTo(tree("{\"results\":[],\"lastMutationId\":0}"));

        push(
                alice,
                clientId,
                List.of(
                        mutation(1, CreateTicket.of(UUID.randomUUID(), "Empty batch probe 1")),
                        mutation(2, CreateTicket.of(UUID.randomUUID(), "Empty batch probe 2"))));
        TestServer.Response empty = alice.post(PUSH, "{\"clientId\":\"" + clientId + "\",\"mutations\":[]}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json()).isEqualTo(tree("{\"results\":[],\"lastMutationId\":2}"));
    }

    @Test
    void a_batch_of_1000_is_accepted_and_one_more_is_refused_naming_mutations() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        ArrayNode mutations = array();
        mutations.add(Json.strict().valueToTree(mutation(1, CreateTicket.of(ticketId, "Watched a thousand times"))));
        for (int i = 2; i <= 1001; i++) {
            Command toggle = i % 2 == 0 ? new Watch(ticketId, null) : new Unwatch(ticketId, null);
            mutations.add(Json.strict().valueToTree(mutation(i, toggle)));
        }
        ObjectNode tooMany = Json.strict().createObjectNode().put("clientId", clientId.toString());
        tooMany.set("mutations", mutations);

        TestServer.Response refused = alice.post(PUSH, tooMany.toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION");
        assertThat(refused.errorField()).isEqualTo("mutations");
        assertThat(alice.get("/api/v1/tickets/" + ticketId).status()).isEqualTo(404);
        assertThat(push(alice, clientId, List.of()).lastMutationId()).isZero();

        mutations.remove(1000);
        TestServer.Response accepted = alice.post(PUSH, tooMany.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("results")).hasSize(1000);
        assertThat(accepted.json().get("lastMutationId").asLong()).isEqualTo(1000);
        assertThat(alice.get("/api/v1/tickets/" + ticketId).status()).isEqualTo(200);
    }

    @Test
    void a_malformed_args_object_rejects_only_that_mutation_as_validation() {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        ObjectNode numberTitle = Json.strict().valueToTree(CreateTicket.of(UUID.randomUUID(), "placeholder"));
        numberTitle.put("title", 42);
        UUID commentId = UUID.randomUUID();
        List<Mutation> batch = List.of(
                mutation(1, CreateTicket.of(ticketId, "Good neighbour")),
                mutation(2, "create_ticket", numberTitle),
                mutation(3, "make_coffee", Json.strict().createObjectNode()),
                mutation(4, new AddComment(commentId, ticketId, "after the bad ones", Visibility.PUBLIC)));

        PushResult result = push(alice, clientId, batch);

        assertThat(result.results())
                .extracting(MutationResult::status)
                .containsExactly(
                        MutationStatus.ACCEPTED,
                        MutationStatus.REJECTED,
                        MutationStatus.REJECTED,
                        MutationStatus.ACCEPTED);
        MutationResult badTitle = result.results().get(1);
        assertThat(badTitle.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(badTitle.message()).contains("title");
        MutationResult unknown = result.results().get(2);
        assertThat(unknown.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(unknown.message()).contains("make_coffee");
        assertThat(result.lastMutationId()).isEqualTo(4);
        assertThat(alice.get("/api/v1/tickets/" + numberTitle.get("id").asText())
                        .status())
                .isEqualTo(404);
        assertThat(alice.get("/api/v1/tickets/" + ticketId)
                        .json()
                        .at("/comments/0/id")
                        .asText())
                .isEqualTo(commentId.toString());
    }

    /**
     * A rejection message quotes what the client sent (an unknown command, enum value or field name); however long
     * that is, only its mutation may fail — never the batch with a 500 that blocks the device's queue for good.
     */
    @ParameterizedTest
    @ValueSource(strings = {"command", "enum value", "field name"})
    void a_rejection_quoting_a_huge_client_value_still_rejects_only_that_mutation(String huge) {
        UUID clientId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        ObjectNode args = Json.strict().valueToTree(CreateTicket.of(UUID.randomUUID(), "Huge " + huge));
        String command = "create_ticket";
        switch (huge) {
            case "command" -> command = "x".repeat(5000);
            case "enum value" -> args.put("priority", "p".repeat(5000));
            default -> args.put("z".repeat(5000), 1);
        }
        List<Mutation> batch = List.of(
                mutation(1, CreateTicket.of(ticketId, "Before the huge one")),
                mutation(2, command, args),
                mutation(3, new AddComment(UUID.randomUUID(), ticketId, "after it", Visibility.PUBLIC)));

        TestServer.Response response = alice.post(PUSH, pushBody(clientId, batch));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        PushResult result = SyncCalls.read(response, PushResult.class);
        assertThat(result.results())
                .extracting(MutationResult::status)
                .containsExactly(MutationStatus.ACCEPTED, MutationStatus.REJECTED, MutationStatus.ACCEPTED);
        assertThat(result.results().get(1).code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(alice.get("/api/v1/tickets/" + ticketId).json().get("comments"))
                .hasSize(1);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.strict().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static ArrayNode array() {
        return Json.strict().createArrayNode();
    }
}
