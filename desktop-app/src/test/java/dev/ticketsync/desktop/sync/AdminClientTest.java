package dev.ticketsync.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketsync.desktop.ui.console.ConsoleScenario;
import dev.ticketsync.model.domain.AuditAction;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every call of the admin console over real HTTP against a real server, as a lead, as an agent, and with no server. */
class AdminClientTest {

    private static ConsoleScenario scenario;
    private static AdminClient lead;

    @BeforeAll
    static void start() {
        scenario = ConsoleScenario.start();
        lead = scenario.lead();
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    @Test
    void devices_lists_both_replicas_that_synced_with_their_users_and_lag() throws IOException {
        List<AdminClient.DeviceStatus> devices = lead.devices();

        assertThat(devices)
                .extracting(AdminClient.DeviceStatus::clientId)
                .containsExactlyInAnyOrder(
                        scenario.alice.replica().clientId(),
                        scenario.bob.replica().clientId());
        AdminClient.DeviceStatus alice = device(devices, "alice");
        AdminClient.DeviceStatus bob = device(devices, "bob");
        assertThat(bob.lag()).as("bob synced last").isZero();
        assertThat(alice.lag())
                .as("alice has not pulled bob's last change")
                .isEqualTo(scenario.head() - scenario.alice.replica().cursor())
                .isPositive();
        assertThat(alice.lastMutationId()).isEqualTo(1);
        assertThat(bob.lastMutationId()).isEqualTo(5);
        assertThat(alice.lastSeenAt()).isNotNull();
        assertThat(alice.connected()).as("no event stream open").isFalse();
        assertThat(alice.revoked()).isFalse();
    }

    @Test
    void rejections_name_the_user_the_ticket_key_and_the_reason() throws IOException {
        List<AdminClient.Rejection> rejections = lead.rejections(50);

        assertThat(rejections).hasSize(1);
        AdminClient.Rejection rejection = rejections.get(0);
        assertThat(rejection.user()).isEqualTo("alice");
        assertThat(rejection.clientId()).isEqualTo(scenario.alice.replica().clientId());
        assertThat(rejection.ticketKey()).isEqualTo(scenario.printerKey);
        assertThat(rejection.ticketId()).isEqualTo(scenario.printer);
        assertThat(rejection.command()).isEqualTo("transition");
        assertThat(rejection.code()).isNotBlank();
        assertThat(rejection.message()).isNotBlank();
        assertThat(rejection.at()).isNotNull();
    }

    @Test
    void stats_give_the_head_the_ticket_count_and_the_rates() throws IOException {
        AdminClient.ServerStats stats = lead.stats();

        assertThat(stats.head()).isEqualTo(scenario.head());
        assertThat(stats.tickets()).isEqualTo(3);
        assertThat(stats.openTickets()).isEqualTo(2);
        assertThat(stats.devices()).isEqualTo(2);
        assertThat(stats.connectedDevices()).isZero();
        assertThat(stats.pushesPerMinute()).isPositive();
        assertThat(stats.pullsPerMinute()).isPositive();
        assertThat(stats.mutationsRejected()).isEqualTo(1);
    }

    @Test
    void audit_filters_by_ticket_key_newest_first_and_pages_by_seq() throws IOException {
        AdminClient.AuditQuery query =
                new AdminClient.AuditQuery(scenario.printerKey, null, null, null, null, null, 500);

        AdminClient.AuditPage all = lead.audit(query);

        assertThat(all.rows()).isNotEmpty();
        assertThat(all.rows()).allSatisfy(row -> {
            assertThat(row.ticketKey()).isEqualTo(scenario.printerKey);
            assertThat(row.entry().ticketId()).isEqualTo(scenario.printer);
        });
        List<Long> seqs = all.rows().stream().map(row -> row.entry().seq()).toList();
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.rows().get(all.rows().size() - 1).entry().action()).isEqualTo(AuditAction.TICKET_CREATED);
        assertThat(all.nextBefore()).isNull();

        AdminClient.AuditPage first = lead.audit(query.withLimit(1));
        AdminClient.AuditPage second = lead.audit(query.withLimit(1).before(first.nextBefore()));
        assertThat(first.rows()).extracting(row -> row.entry().seq()).containsExactly(seqs.get(0));
        assertThat(second.rows()).extracting(row -> row.entry().seq()).containsExactly(seqs.get(1));
    }

    @Test
    void audit_filters_by_actor_and_action() throws IOException {
        AdminClient.AuditPage page =
                lead.audit(new AdminClient.AuditQuery(null, "bob", AuditAction.TICKET_CREATED, null, null, null, 100));

        assertThat(page.rows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.entry().actor()).isEqualTo("bob");
            assertThat(row.entry().action()).isEqualTo(AuditAction.TICKET_CREATED);
        });
    }

    @Test
    void an_unknown_ticket_key_is_refused_naming_the_ticket_field() {
        assertThatThrownBy(() -> lead.audit(new AdminClient.AuditQuery("OPS-9999", null, null, null, null, null, 10)))
                .isInstanceOfSatisfying(ServerError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.field()).contains("ticket");
                    assertThat(error.reason()).contains("OPS-9999");
                });
    }

    @Test
    void verify_reports_an_intact_chain_with_its_length() throws IOException {
        AdminClient.Verification verification = lead.verify();

        assertThat(verification.ok()).isTrue();
        assertThat(verification.entries()).isGreaterThan(10);
        assertThat(verification.firstBadSeq()).isNull();
    }

    @Test
    void an_agent_is_refused_every_console_call_with_403() {
        AdminClient agent = scenario.agent();
        List<Executable> calls = List.of(
                agent::devices,
                () -> agent.rejections(10),
                agent::stats,
                () -> agent.audit(new AdminClient.AuditQuery(null, null, null, null, null, null, 10)),
                agent::verify);

        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(ServerError.class, error -> {
                assertThat(error.status()).isEqualTo(403);
                assertThat(error.code()).isEqualTo("FORBIDDEN");
            });
        }
    }

    @Test
    void a_server_that_is_not_there_is_an_io_failure_not_a_server_error() {
        try (SyncClient nowhere = new SyncClient("http://127.0.0.1:1", "no-token")) {
            assertThatThrownBy(() -> new AdminClient(nowhere).devices())
                    .isInstanceOf(ConnectException.class)
                    .isNotInstanceOf(ServerError.class);
        }
    }

    private static AdminClient.DeviceStatus device(List<AdminClient.DeviceStatus> devices, String user) {
        return devices.stream()
                .filter(device -> device.user().equals(user))
                .findFirst()
                .orElseThrow();
    }
}
