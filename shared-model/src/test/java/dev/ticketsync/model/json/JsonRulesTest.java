package dev.ticketsync.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.EditFields;
import dev.ticketsync.model.command.EditableField;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.validation.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRulesTest {

    private static final String ID = "0190d5a0-0000-7000-8000-000000000001";

    private static JsonNode tree(String json) throws Exception {
        return Json.strict().readTree(json);
    }

    @Test
    void statuses_and_priorities_are_lower_case_on_the_wire() throws Exception {
        assertThat(Json.strict().writeValueAsString(Status.IN_PROGRESS)).isEqualTo("\"in_progress\"");
        assertThat(Json.strict().writeValueAsString(Priority.P1)).isEqualTo("\"p1\"");
        assertThat(Json.strict().readValue("\"on_hold\"", Status.class)).isEqualTo(Status.ON_HOLD);
    }

    @Test
    void error_codes_are_upper_snake_on_the_wire() throws Exception {
        String json = Json.strict().writeValueAsString(MutationResult.rejected(3, ErrorCode.ILLEGAL_TRANSITION, "no"));
        assertThat(json).contains("\"code\":\"ILLEGAL_TRANSITION\"").contains("\"status\":\"rejected\"");
    }

    @Test
    void instants_are_iso_8601_strings() throws Exception {
        assertThat(Json.strict().writeValueAsString(Instant.parse("2026-11-23T10:02:03.123456Z")))
                .isEqualTo("\"2026-11-23T10:02:03.123456Z\"");
    }

    @Test
    void absent_optional_fields_are_left_out_not_null() throws Exception {
        String json = Json.strict().writeValueAsString(MutationResult.accepted(1, 17));
        assertThat(json).isEqualTo("{\"mutationId\":1,\"status\":\"accepted\",\"seq\":17}");
    }

    @Test
    void a_number_for_a_string_names_the_field() {
        assertThatThrownBy(() -> CommandCodec.decode("create_ticket", tree("{\"id\":\"" + ID + "\",\"title\":42}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void an_unknown_property_in_a_request_names_it() {
        assertThatThrownBy(() -> CommandCodec.decode(
                        "create_ticket", tree("{\"id\":\"" + ID + "\",\"title\":\"x\",\"colour\":\"red\"}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("colour"));
    }

    @Test
    void responses_are_read_leniently_so_a_newer_server_may_add_fields() throws Exception {
        MutationResult result = Json.lenient()
                .readValue(
                        "{\"mutationId\":1,\"status\":\"accepted\",\"seq\":5,\"shard\":\"eu\"}", MutationResult.class);
        assertThat(result).isEqualTo(MutationResult.accepted(1, 5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"priority\":\"p9\"}|priority",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"priority\":\"P1\"}|priority",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"type\":\"bug\"}|type",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"tags\":\"vpn\"}|tags",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"tags\":[\"VPN\"]}|tags[0]",
                "{\"id\":\"not-a-uuid\",\"title\":\"x\"}|id",
                "{\"title\":\"x\"}|id",
                "{\"id\":\"" + ID + "\"}|title",
                "{\"id\":\"" + ID + "\",\"title\":\"\"}|title",
                "{\"id\":\"" + ID + "\",\"title\":true}|title",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"plan\":[]}|plan",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"project\":\"ops\"}|project",
                "{\"id\":\"" + ID + "\",\"title\":\"x\",\"assignee\":\"a b\"}|assignee",
            })
    void bad_create_ticket_args_name_the_field(String args, String field) {
        assertThatThrownBy(() -> CommandCodec.decode("create_ticket", tree(args)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void a_bad_tag_is_named_at_the_position_the_client_sent_it() {
        assertThatThrownBy(() -> CommandCodec.decode(
                        "add_tags", tree("{\"ticketId\":\"" + ID + "\",\"tags\":[\"vpn\",\"zz\",\"Bad\"]}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("tags[2]"));
    }

    @Test
    void an_unknown_command_names_the_command_field() {
        assertThatThrownBy(() -> CommandCodec.decode("delete_everything", tree("{}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("command"));
    }

    @Test
    void edit_fields_keys_use_their_wire_names() throws Exception {
        UUID ticket = UUID.fromString(ID);
        EditFields edit = (EditFields) CommandCodec.decode(
                "edit_fields",
                tree("{\"ticketId\":\"" + ID + "\",\"changes\":{\"dueAt\":{\"value\":\"2026-12-01T09:00:00Z\"},"
                        + "\"title\":{\"base\":\"Old\",\"value\":\"New\"}}}"));
        assertThat(edit.ticketId()).isEqualTo(ticket);
        assertThat(edit.changes()).containsOnlyKeys(EditableField.DUE_AT, EditableField.TITLE);
        assertThat(CommandCodec.encode(edit).get("changes").has("dueAt")).isTrue();
    }

    @Test
    void an_unknown_editable_field_is_named() {
        assertThatThrownBy(() -> CommandCodec.decode(
                        "edit_fields",
                        tree("{\"ticketId\":\"" + ID + "\",\"changes\":{\"status\":{\"value\":\"new\"}}}")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("changes.status"));
    }

    @Test
    void a_transition_to_an_unknown_status_names_to() {
        assertThatThrownBy(
                        () -> CommandCodec.decode("transition", tree("{\"ticketId\":\"" + ID + "\",\"to\":\"done\"}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("to");
                    assertThat(e.reason()).contains("in_progress");
                });
    }

    @Test
    void commands_round_trip_through_their_wire_form() {
        CreateTicket create = new CreateTicket(
                UUID.fromString(ID), "VPN down", "since 9", Priority.P1, null, null, "alice", null, null, null);
        assertThat(CommandCodec.decode("create_ticket", CommandCodec.encode(create)))
                .isEqualTo(create);
        Transition transition = new Transition(UUID.fromString(ID), Status.RESOLVED, "fixed", null);
        assertThat(CommandCodec.decode("transition", CommandCodec.encode(transition)))
                .isEqualTo(transition);
    }

    @Test
    void a_push_with_a_gap_inside_the_batch_names_the_mutation() {
        String json = "{\"clientId\":\"" + ID + "\",\"mutations\":["
                + "{\"mutationId\":1,\"command\":\"watch\",\"args\":{\"ticketId\":\"" + ID + "\"}},"
                + "{\"mutationId\":3,\"command\":\"watch\",\"args\":{\"ticketId\":\"" + ID + "\"}}]}";
        assertThatThrownBy(() -> Json.strict().readValue(json, PushRequest.class))
                .isInstanceOfSatisfying(
                        com.fasterxml.jackson.core.JsonProcessingException.class,
                        e -> assertThat(JsonErrors.toValidation(e).field()).isEqualTo("mutations[1].mutationId"));
    }

    @Test
    void duplicate_keys_are_refused() {
        assertThatThrownBy(() -> CommandCodec.decode(
                        "create_ticket", tree("{\"id\":\"" + ID + "\",\"title\":\"a\",\"title\":\"b\"}")))
                .isInstanceOf(Exception.class);
    }
}
