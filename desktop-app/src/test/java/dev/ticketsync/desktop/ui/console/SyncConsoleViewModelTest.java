package dev.ticketsync.desktop.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel.DeviceLine;
import dev.ticketsync.desktop.ui.console.SyncConsoleViewModel.Stat;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The sync console's view model with no JavaFX toolkit (work runs in place), against a real server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncConsoleViewModelTest {

    private static ConsoleScenario scenario;

    @BeforeAll
    static void start() {
        scenario = ConsoleScenario.start();
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    private static SyncConsoleViewModel console() {
        return new SyncConsoleViewModel(scenario.lead(), Scheduler.direct(), Clock.systemDefaultZone());
    }

    @Test
    void both_devices_are_listed_with_their_user_and_lag_and_the_one_behind_shows_a_bar() {
        SyncConsoleViewModel console = console();

        console.refresh();

        assertThat(console.errorProperty().get()).isEmpty();
        assertThat(console.devices()).extracting(DeviceLine::user).containsExactlyInAnyOrder("alice", "bob");
        DeviceLine alice = line(console, "alice");
        DeviceLine bob = line(console, "bob");
        long behind = scenario.head() - scenario.alice.replica().cursor();
        assertThat(alice.lag()).isEqualTo(behind).isPositive();
        assertThat(alice.lagShare()).isEqualTo((double) behind / scenario.head());
        assertThat(bob.lag()).isZero();
        assertThat(bob.lagShare()).isZero();
        assertThat(alice.device())
                .isEqualTo(scenario.alice.replica().clientId().toString().substring(0, 8));
        assertThat(alice.lastMutationId()).isEqualTo(1);
        assertThat(alice.lastSeen()).matches("just now|\\d+ s ago|\\d+ min ago");
        assertThat(alice.online()).isFalse();
        assertThat(console.summaryProperty().get()).isEqualTo("2 devices · 0 online · 1 behind");
        assertThat(console.updatedProperty().get()).startsWith("Live · updated ");
    }

    @Test
    void the_rejected_triage_is_listed_with_user_ticket_and_reason() {
        SyncConsoleViewModel console = console();

        console.refresh();

        assertThat(console.rejections()).hasSize(1);
        SyncConsoleViewModel.RejectionLine rejection = console.rejections().get(0);
        assertThat(rejection.user()).isEqualTo("alice");
        assertThat(rejection.ticket()).isEqualTo(scenario.printerKey);
        assertThat(rejection.command()).isEqualTo("transition");
        assertThat(rejection.code()).isNotBlank();
        assertThat(rejection.message()).isNotBlank();
    }

    @Test
    void the_stats_show_head_tickets_rates_and_connected_devices() {
        SyncConsoleViewModel console = console();

        console.refresh();

        Map<String, Stat> stats = console.stats().stream().collect(Collectors.toMap(Stat::name, stat -> stat));
        assertThat(stats.get("Head seq").value()).isEqualTo(Long.toString(scenario.head()));
        assertThat(stats.get("Tickets").value()).isEqualTo("3");
        assertThat(stats.get("Tickets").hint()).isEqualTo("2 open");
        assertThat(Long.parseLong(stats.get("Pushes / min").value())).isPositive();
        assertThat(Long.parseLong(stats.get("Pulls / min").value())).isPositive();
        assertThat(stats.get("Connected devices").value()).isEqualTo("0");
        assertThat(stats.get("Connected devices").hint()).isEqualTo("of 2 active");
        assertThat(stats.get("Rejected").value()).isEqualTo("1");
    }

    /** Last: a restarted server starts its per-minute rates and counters from zero again. */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_stopped_server_shows_an_error_line_keeping_the_last_data_and_a_restart_clears_it() {
        SyncConsoleViewModel console = console();
        console.refresh();
        assertThat(console.devices()).hasSize(2);

        scenario.backend.stopServer();
        try {
            console.refresh();

            assertThat(console.errorProperty().get())
                    .startsWith("Server unreachable: ")
                    .contains("showing data from ")
                    .endsWith("retrying");
            assertThat(console.devices())
                    .as("the last data stays, marked stale by the error")
                    .hasSize(2);
            assertThat(console.updatedProperty().get()).startsWith("Last try ").endsWith("failed");
        } finally {
            scenario.backend.restartServer();
        }

        console.refresh();
        assertThat(console.errorProperty().get()).isEmpty();
        assertThat(console.updatedProperty().get()).startsWith("Live");
    }

    @Test
    void an_agent_is_told_the_console_is_for_leads_and_admins() {
        SyncConsoleViewModel console =
                new SyncConsoleViewModel(scenario.agent(), Scheduler.direct(), Clock.systemDefaultZone());

        console.refresh();

        assertThat(console.errorProperty().get())
                .startsWith("Only leads and admins may see this")
                .contains("nothing loaded yet");
        assertThat(console.devices()).isEmpty();
    }

    @Test
    void a_refresh_asked_for_while_one_runs_is_dropped_so_a_slow_server_is_not_piled_on() {
        Deque<Runnable> background = new ArrayDeque<>();
        Scheduler queued = new Scheduler() {
            @Override
            public void background(Runnable work) {
                background.add(work);
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }
        };
        SyncConsoleViewModel console = new SyncConsoleViewModel(scenario.lead(), queued, Clock.systemDefaultZone());

        console.refresh();
        console.refresh();
        console.refresh();

        assertThat(background).hasSize(1);
        assertThat(console.loadingProperty().get()).isTrue();
        background.poll().run();
        assertThat(console.loadingProperty().get()).isFalse();
        assertThat(console.devices()).hasSize(2);
        console.refresh();
        assertThat(background).as("the next tick reads again").hasSize(1);
    }

    private static DeviceLine line(SyncConsoleViewModel console, String user) {
        return console.devices().stream()
                .filter(line -> line.user().equals(user))
                .findFirst()
                .orElseThrow();
    }
}
