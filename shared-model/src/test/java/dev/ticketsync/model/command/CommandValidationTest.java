package dev.ticketsync.model.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.validation.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands validate on construction; every failure names the field a client should point at. */
class CommandValidationTest {

    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final UUID OTHER = UUID.fromString("0190d5a0-0000-7000-8000-000000000007");
    private static final int KIB_64 = 64 * 1024;
    private static final String SHA = "0123456789abcdef".repeat(4);

    private static void failsOn(String field, ThrowingCallable construct) {
        assertThatThrownBy(construct).isInstanceOf(ValidationException.class).satisfies(e -> {
            ValidationException failure = (ValidationException) e;
            assertThat(failure.field()).isEqualTo(field);
            assertThat(failure.getMessage()).startsWith(field + ": ");
            assertThat(failure.reason()).isNotBlank();
        });
    }

    private static List<String> tags(String... tags) {
        return List.of(tags);
    }

    private static CreateTicket create(String title) {
        return CreateTicket.of(ID, title);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 199, 200})
    void a_title_of_1_to_200_characters_is_accepted(int length) {
        assertThat(create("t".repeat(length)).title()).hasSize(length);
    }

    @Test
    void a_title_of_201_characters_is_refused() {
        failsOn("title", () -> create("t".repeat(201)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t  "})
    void a_blank_title_is_refused(String title) {
        failsOn("title", () -> create(title));
    }

    @Test
    void a_missing_title_is_refused() {
        failsOn("title", () -> create(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VPN\u0000drops", "VPN\u0007drops", "VPN\ndrops", "VPN\tdrops", "VPN\u007Fdrops"})
    void a_title_with_control_characters_is_refused(String title) {
        failsOn("title", () -> create(title));
    }

    @Test
    void a_title_is_trimmed() {
        assertThat(create("  VPN drops  ").title()).isEqualTo("VPN drops");
    }

    @Test
    void a_description_of_64_kib_is_accepted_and_one_byte_more_is_refused() {
        String full = "d".repeat(KIB_64);

        assertThat(new CreateTicket(ID, "t", full, null, null, null, null, null, null, null).description())
                .hasSize(KIB_64);
        failsOn("description", () -> new CreateTicket(ID, "t", full + "d", null, null, null, null, null, null, null));
    }

    @Test
    void the_64_kib_limit_counts_utf8_bytes_not_characters() {
        String accents = "é".repeat(KIB_64 / 2 + 1);

        failsOn("description", () -> new CreateTicket(ID, "t", accents, null, null, null, null, null, null, null));
    }

    @Test
    void a_comment_over_64_kib_is_refused() {
        failsOn("body", () -> new AddComment(OTHER, ID, "c".repeat(KIB_64 + 1), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n"})
    void a_blank_comment_is_refused(String body) {
        failsOn("body", () -> new AddComment(OTHER, ID, body, null));
    }

    @Test
    void a_comment_may_hold_line_breaks_and_tabs() {
        assertThat(new AddComment(OTHER, ID, "line 1\r\n\tline 2", null).body()).isEqualTo("line 1\r\n\tline 2");
    }

    @Test
    void a_resolution_over_64_kib_is_refused() {
        failsOn("resolution", () -> new Transition(ID, Status.RESOLVED, "r".repeat(KIB_64 + 1), null));
    }

    @Test
    void twenty_tags_are_accepted_and_twenty_one_are_refused() {
        List<String> names =
                IntStream.rangeClosed(1, 21).mapToObj(i -> "tag-" + i).collect(Collectors.toList());

        assertThat(new AddTags(ID, List.copyOf(names.subList(0, 20))).tags()).hasSize(20);
        failsOn("tags", () -> new AddTags(ID, List.copyOf(names)));
        failsOn("tags", () -> new CreateTicket(ID, "t", null, null, null, List.copyOf(names), null, null, null, null));
    }

    @Test
    void a_tag_of_40_characters_is_accepted_and_41_is_refused() {
        assertThat(new AddTags(ID, tags("a".repeat(40))).tags()).containsExactly("a".repeat(40));
        failsOn("tags[0]", () -> new AddTags(ID, tags("a".repeat(41))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VPN", "Vpn", "has space", "", "tab\there", "ümlaut", "a/b", "a,b"})
    void a_tag_outside_lower_case_letters_digits_dot_underscore_and_dash_is_refused(String tag) {
        failsOn("tags[0]", () -> new AddTags(ID, tags(tag)));
        failsOn("tags[0]", () -> new RemoveTags(ID, tags(tag)));
    }

    @Test
    void a_tag_of_allowed_characters_is_accepted() {
        assertThat(new AddTags(ID, tags("os.linux_v2-beta")).tags()).containsExactly("os.linux_v2-beta");
    }

    @Test
    void adding_or_removing_no_tags_is_refused() {
        failsOn("tags", () -> new AddTags(ID, List.of()));
        failsOn("tags", () -> new RemoveTags(ID, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob\u0000", "b\nob", "bo\tb", "bob smith", "", "b\u001Bob"})
    void a_login_with_control_characters_or_spaces_is_refused(String login) {
        failsOn("assignee", () -> new Assign(ID, login));
        failsOn("user", () -> new Watch(ID, login));
        failsOn("user", () -> new Unwatch(ID, login));
        failsOn("assignee", () -> new CreateTicket(ID, "t", null, null, null, null, login, null, null, null));
    }

    @Test
    void a_login_of_letters_digits_and_dot_underscore_at_dash_is_accepted() {
        assertThat(new Assign(ID, "dana.o_k@example-1").assignee()).isEqualTo("dana.o_k@example-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "reporter", "Title", "version", ""})
    void an_unknown_editable_field_is_refused_naming_it(String field) {
        failsOn("changes." + field, () -> EditableField.of(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p9", "P1", "p0", "critical", ""})
    void an_unknown_priority_is_refused(String priority) {
        failsOn("changes.priority.value", () -> EditFields.of(ID, EditableField.PRIORITY, FieldEdit.to(priority)));
    }

    @Test
    void an_unknown_type_or_a_malformed_due_date_is_refused() {
        failsOn("changes.type.value", () -> EditFields.of(ID, EditableField.TYPE, FieldEdit.to("bug")));
        failsOn("changes.dueAt.value", () -> EditFields.of(ID, EditableField.DUE_AT, FieldEdit.to("tomorrow")));
    }

    @Test
    void an_edited_title_follows_the_title_rules() {
        failsOn("changes.title.value", () -> EditFields.of(ID, EditableField.TITLE, FieldEdit.to("x".repeat(201))));
        failsOn("changes.title.value", () -> EditFields.of(ID, EditableField.TITLE, FieldEdit.to(null)));
    }

    @Test
    void edit_values_are_normalised_to_their_wire_form() {
        EditFields edit = EditFields.of(ID, EditableField.DUE_AT, FieldEdit.to("2026-01-31T17:00:00.000Z"));

        assertThat(edit.changes().get(EditableField.DUE_AT).value()).isEqualTo("2026-01-31T17:00:00Z");
    }

    @Test
    void an_edit_naming_no_field_is_refused() {
        failsOn("changes", () -> new EditFields(ID, new TreeMap<>()));
        failsOn("changes", () -> new EditFields(ID, null));
    }

    @Test
    void a_transition_needs_a_target_status_and_a_ticket() {
        failsOn("to", () -> new Transition(ID, null, null, null));
        failsOn("ticketId", () -> new Transition(null, Status.TRIAGED, null, null));
    }

    @Test
    void a_ticket_cannot_block_itself_or_be_its_own_parent() {
        failsOn("blockerId", () -> new LinkBlocker(ID, ID));
        failsOn("blockerId", () -> new UnlinkBlocker(ID, ID));
        failsOn("parentId", () -> new SetParent(ID, ID));
        failsOn("parentId", () -> new CreateTicket(ID, "t", null, null, null, null, null, ID, null, null));
    }

    @Test
    void a_stage_is_zero_or_more_and_a_report_needs_a_comment_id() {
        failsOn("stage", () -> new CompleteStage(ID, -1, null, null));
        failsOn("stage", () -> new CompleteStage(ID, null, null, null));
        failsOn("commentId", () -> new CompleteStage(ID, 0, null, "Done"));
    }

    @Test
    void a_plan_lists_1_to_50_named_stages() {
        failsOn("plan", () -> new CreateTicket(ID, "t", null, null, null, null, null, null, List.of(), null));
        failsOn(
                "plan[1]",
                () -> new CreateTicket(ID, "t", null, null, null, null, null, null, List.of("a", " "), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "O", "1OPS", "OPS-1", "TOOLONGPROJ"})
    void a_project_key_is_2_to_10_upper_case_letters_or_digits(String project) {
        failsOn("project", () -> new CreateTicket(ID, "t", null, null, null, null, null, null, null, project));
    }

    @Test
    void an_attachment_has_a_plain_file_name_a_media_type_a_size_and_a_sha256() {
        failsOn("fileName", () -> new AddAttachment(OTHER, ID, "../etc/passwd", null, 1L, SHA));
        failsOn("fileName", () -> new AddAttachment(OTHER, ID, null, null, 1L, SHA));
        failsOn("mediaType", () -> new AddAttachment(OTHER, ID, "a.txt", "text", 1L, SHA));
        failsOn("size", () -> new AddAttachment(OTHER, ID, "a.txt", null, -1L, SHA));
        failsOn("size", () -> new AddAttachment(OTHER, ID, "a.txt", null, AddAttachment.MAX_SIZE + 1, SHA));
        failsOn("sha256", () -> new AddAttachment(OTHER, ID, "a.txt", null, 1L, SHA.toUpperCase(Locale.ROOT)));
    }
}
