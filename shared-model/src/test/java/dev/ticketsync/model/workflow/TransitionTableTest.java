package dev.ticketsync.model.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.AuditAction;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.ValueChange;
import dev.ticketsync.model.protocol.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole transition table: every (from, to) pair of the eight statuses, as DESIGN.md §3 writes it. */
class TransitionTableTest {

    /** DESIGN.md §3, verbatim. The test below compares it with the shared document when that is checked out next door. */
    static final String DESIGN_TABLE = """
            | from | to |
            |---|---|
            | NEW | TRIAGED, IN_PROGRESS, CANCELLED |
            | TRIAGED | IN_PROGRESS, WAITING, ON_HOLD, RESOLVED, CANCELLED |
            | IN_PROGRESS | TRIAGED, WAITING, ON_HOLD, RESOLVED, CANCELLED |
            | WAITING | IN_PROGRESS, RESOLVED, CANCELLED |
            | ON_HOLD | TRIAGED, IN_PROGRESS, CANCELLED |
            | RESOLVED | CLOSED, IN_PROGRESS (reopen) |
            | CLOSED, CANCELLED | terminal |
            """;

    private static final Map<Status, Set<Status>> DESIGN = parse(DESIGN_TABLE);

    private static final Workflow WORKFLOW = Workflow.standard();
    private static final TransitionTable TABLE = TransitionTable.standard();
    private static final Actor LEAD = new Actor("lee", Role.LEAD);
    private static final UUID ID = UUID.fromString("0190d5a0-0000-7000-8000-000000000042");
    private static final Instant LAST_CHANGE = Instant.parse("2026-03-01T10:02:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    /** A ticket in {@code status} that passes every state guard: assigned, unblocked, no plan. */
    private static Ticket ticket(Status status) {
        return Ticket.builder()
                .id(ID)
                .key("OPS-42")
                .title("VPN drops every hour")
                .status(status)
                .reporter("ann")
                .assignee("bob")
                .resolution(status == Status.RESOLVED || status == Status.CLOSED ? "Replaced the router" : null)
                .cancelReason(status == Status.CANCELLED ? "Duplicate of OPS-7" : null)
                .createdAt(LAST_CHANGE)
                .createdBy("ann")
                .updatedAt(LAST_CHANGE)
                .updatedBy("dana")
                .version(7)
                .build();
    }

    /** A transition carrying everything the input guards ask for. */
    private static Transition complete(Status to) {
        return new Transition(ID, to, "Replaced the cable", "No longer needed");
    }

    static Stream<Arguments> legalPairs() {
        return pairs(true);
    }

    static Stream<Arguments> illegalPairs() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean legal) {
        List<Arguments> pairs = new ArrayList<>();
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                if (DESIGN.get(from).contains(to) == legal) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void the_pairs_cover_all_sixty_four_combinations_of_the_eight_statuses() {
        assertThat(Status.values()).hasSize(8);
        assertThat(legalPairs().count()).isEqualTo(21);
        assertThat(illegalPairs().count()).isEqualTo(64 - 21);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalPairs")
    void a_legal_transition_with_its_guards_satisfied_is_accepted(Status from, Status to) {
        Outcome outcome = WORKFLOW.apply(ticket(from), complete(to), LEAD, NOW);

        assertThat(outcome).isInstanceOf(Applied.class);
        Applied applied = (Applied) outcome;
        assertThat(applied.ticket().status()).isEqualTo(to);
        assertThat(applied.ticket().version()).isEqualTo(8);
        assertThat(applied.ticket().updatedAt()).isEqualTo(NOW);
        assertThat(applied.ticket().updatedBy()).isEqualTo("lee");
        assertThat(applied.events()).hasSize(1);
        AuditAction expected = to == Status.CANCELLED
                ? AuditAction.TICKET_CANCELLED
                : TABLE.isReopen(from, to) ? AuditAction.TICKET_REOPENED : AuditAction.STATUS_CHANGED;
        assertThat(applied.events().get(0).action()).isEqualTo(expected);
        assertThat(applied.changes()).containsEntry("status", new ValueChange(from.wire(), to.wire()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalPairs")
    void an_illegal_transition_is_rejected_with_a_reason_a_person_can_read(Status from, Status to) {
        Outcome outcome = WORKFLOW.apply(ticket(from), complete(to), LEAD, NOW);

        assertThat(outcome).isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) outcome;
        assertThat(rejection.message()).startsWith("OPS-42 ");
        if (from.isTerminal()) {
            String verb = from == Status.CANCELLED ? "cancelled" : "closed";
            assertThat(rejection.code()).isEqualTo(ErrorCode.TERMINAL);
            assertThat(rejection.message())
                    .isEqualTo("OPS-42 was " + verb + " by dana at 2026-03-01 10:02 UTC and can no longer change");
        } else if (from == to) {
            assertThat(rejection.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(rejection.message()).isEqualTo("OPS-42 is already " + to.label());
        } else {
            assertThat(rejection.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            assertThat(rejection.message())
                    .startsWith("OPS-42 cannot move from " + from.label() + " to " + to.label() + ";")
                    .contains("it can move to "
                            + DESIGN.get(from).iterator().next().label());
        }
    }

    @Test
    void an_illegal_transition_lists_where_the_ticket_can_go_instead() {
        Rejection rejection = (Rejection) WORKFLOW.apply(ticket(Status.NEW), complete(Status.RESOLVED), LEAD, NOW);

        assertThat(rejection.message())
                .isEqualTo("OPS-42 cannot move from New to Resolved; from New it can move to Triaged, In progress,"
                        + " Cancelled");
        assertThat(rejection.field()).isNull();
    }

    @Test
    void a_ticket_not_yet_accepted_by_the_server_is_named_by_its_provisional_key() {
        Ticket provisional = ticket(Status.NEW).toBuilder().key(null).build();

        Rejection rejection = (Rejection) WORKFLOW.apply(provisional, complete(Status.CLOSED), LEAD, NOW);

        assertThat(rejection.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
        assertThat(rejection.message()).startsWith("OPS-?0190 cannot move from New to Closed");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void a_lead_is_offered_exactly_the_targets_of_the_table_when_every_state_guard_passes(Status from) {
        assertThat(WORKFLOW.allowedTransitions(ticket(from), LEAD)).isEqualTo(DESIGN.get(from));
    }

    @Test
    void the_table_in_code_is_the_table_of_design_section_3() {
        for (Status from : Status.values()) {
            assertThat(TABLE.targets(from)).as("targets of %s", from).isEqualTo(DESIGN.get(from));
        }
    }

    @Test
    void only_resolved_to_in_progress_counts_as_a_reopen() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                boolean reopen = from == Status.RESOLVED && to == Status.IN_PROGRESS;
                assertThat(TABLE.isReopen(from, to)).as("%s -> %s", from, to).isEqualTo(reopen);
            }
        }
        assertThat(DESIGN_TABLE).containsOnlyOnce("(reopen)").contains("| RESOLVED | CLOSED, IN_PROGRESS (reopen) |");
    }

    @Test
    void closed_is_reachable_only_from_resolved() {
        for (Status from : Status.values()) {
            assertThat(TABLE.allows(from, Status.CLOSED))
                    .as("%s -> CLOSED", from)
                    .isEqualTo(from == Status.RESOLVED);
        }
    }

    @Test
    void terminal_statuses_lead_nowhere_and_open_statuses_are_the_five_of_the_design() {
        assertThat(TABLE.targets(Status.CLOSED)).isEmpty();
        assertThat(TABLE.targets(Status.CANCELLED)).isEmpty();
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isTerminal))
                .containsExactly(Status.CLOSED, Status.CANCELLED);
        assertThat(Status.OPEN)
                .containsExactlyInAnyOrder(
                        Status.NEW, Status.TRIAGED, Status.IN_PROGRESS, Status.WAITING, Status.ON_HOLD);
    }

    @Test
    void the_copy_of_section_3_here_is_what_the_shared_design_document_says() throws IOException {
        Path design = findDesignDocument();
        assumeTrue(design != null, "../shared/DESIGN.md is not checked out next to this repository");

        List<String> lines = Files.readAllLines(design, StandardCharsets.UTF_8);
        List<String> table = new ArrayList<>();
        boolean inSection3 = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection3 = line.startsWith("## 3.");
            } else if (inSection3 && line.startsWith("|")) {
                table.add(line.strip());
            }
        }
        assertThat(table).containsExactlyElementsOf(DESIGN_TABLE.strip().lines().toList());
    }

    private static Path findDesignDocument() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("DESIGN.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Reads the markdown table: "from" cells may list several statuses; "terminal" means no targets. */
    private static Map<Status, Set<Status>> parse(String markdown) {
        Map<Status, Set<Status>> table = new EnumMap<>(Status.class);
        markdown.strip().lines().skip(2).forEach(row -> {
            String[] cells = row.split("\\|");
            Set<Status> targets = EnumSet.noneOf(Status.class);
            String to = cells[2].replace("(reopen)", "").strip();
            if (!to.equals("terminal")) {
                Arrays.stream(to.split(","))
                        .map(String::strip)
                        .map(Status::valueOf)
                        .forEach(targets::add);
            }
            Arrays.stream(cells[1].split(","))
                    .map(String::strip)
                    .map(Status::valueOf)
                    .forEach(from -> table.put(from, targets));
        });
        if (!table.keySet().equals(EnumSet.allOf(Status.class))) {
            throw new IllegalStateException("DESIGN.md §3 does not list every status: " + table.keySet());
        }
        return table;
    }
}
