package dev.ticketsync.desktop.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.desktop.sync.AdminClient;
import dev.ticketsync.desktop.ui.common.Scheduler;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.ActionChoice;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.AuditLine;
import dev.ticketsync.desktop.ui.console.AuditBrowserViewModel.Verification;
import dev.ticketsync.model.domain.AuditAction;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The audit browser's view model with no JavaFX toolkit, against a real server's audit log. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditBrowserViewModelTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static ConsoleScenario scenario;

    @BeforeAll
    static void start() {
        scenario = ConsoleScenario.start();
    }

    @AfterAll
    static void stop() {
        scenario.close();
    }

    private static AuditBrowserViewModel browser(int pageSize) {
        return new AuditBrowserViewModel(scenario.lead(), Scheduler.direct(), ZONE, pageSize);
    }

    private static List<Long> seqs(AuditBrowserViewModel browser) {
        return browser.rows().stream().map(AuditLine::seq).toList();
    }

    @Test
    void a_ticket_key_as_typed_lists_that_tickets_trail_newest_first() {
        AuditBrowserViewModel browser = browser(100);
        browser.ticketProperty().set(" " + scenario.printerKey.toLowerCase() + " ");

        browser.search();

        assertThat(browser.errorProperty().get()).isEmpty();
        assertThat(browser.rows())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.ticket()).isEqualTo(scenario.printerKey));
        assertThat(seqs(browser)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        AuditLine created = browser.rows().get(browser.rows().size() - 1);
        assertThat(created.action()).isEqualTo("Ticket created");
        assertThat(created.actor()).isEqualTo("bob");
        assertThat(created.changes()).contains("title = " + ConsoleScenario.PRINTER);
        assertThat(browser.rows().get(0).action()).isEqualTo("Ticket cancelled");
        assertThat(browser.pageInfoProperty().get()).endsWith("page 1 · newest first");
        assertThat(browser.hasOlderProperty().get()).isFalse();
    }

    @Test
    void actor_and_action_narrow_the_list() {
        AuditBrowserViewModel browser = browser(100);
        browser.actorProperty().set("bob");
        browser.actionProperty().set(choice(browser, AuditAction.TICKET_CREATED));

        browser.search();

        assertThat(browser.rows()).hasSize(3).allSatisfy(line -> {
            assertThat(line.actor()).isEqualTo("bob");
            assertThat(line.action()).isEqualTo("Ticket created");
        });
        assertThat(browser.actions().get(0)).isEqualTo(ActionChoice.ANY);
    }

    @Test
    void older_and_newer_walk_every_entry_once_and_back() throws IOException {
        long total = scenario.lead().verify().entries();
        AuditBrowserViewModel browser = browser(4);
        browser.search();
        List<Long> first = seqs(browser);

        List<Long> walked = new ArrayList<>(first);
        int pages = 1;
        while (browser.hasOlderProperty().get() && pages < 100) {
            browser.older();
            walked.addAll(seqs(browser));
            pages++;
        }
        assertThat(walked).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(walked).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(browser.pageInfoProperty().get()).contains("page " + pages);
        assertThat(browser.hasNewerProperty().get()).isTrue();

        for (int i = 1; i < pages; i++) {
            browser.newer();
        }
        assertThat(seqs(browser)).isEqualTo(first);
        assertThat(browser.hasNewerProperty().get()).isFalse();
    }

    @Test
    void a_range_of_days_keeps_todays_entries_and_a_future_range_matches_nothing() {
        AuditBrowserViewModel browser = browser(100);
        LocalDate today = LocalDate.now(ZONE);
        browser.fromProperty().set(today);
        browser.toProperty().set(today);
        browser.search();
        assertThat(browser.rows()).isNotEmpty();

        browser.fromProperty().set(today.plusDays(1));
        browser.toProperty().set(today.plusDays(2));
        browser.search();

        assertThat(browser.rows()).isEmpty();
        assertThat(browser.pageInfoProperty().get()).isEqualTo("No entries match");
    }

    @Test
    void a_range_that_ends_before_it_starts_is_explained_and_not_sent() {
        AuditBrowserViewModel browser = browser(100);
        browser.fromProperty().set(LocalDate.of(2026, 3, 10));
        browser.toProperty().set(LocalDate.of(2026, 3, 1));

        browser.search();

        assertThat(browser.errorProperty().get())
                .isEqualTo("The range ends (2026-03-01) before it starts (2026-03-10)");
        assertThat(browser.loadingProperty().get()).isFalse();
    }

    @Test
    void an_unknown_ticket_key_shows_the_servers_reason_instead_of_old_rows() {
        AuditBrowserViewModel browser = browser(100);
        browser.search();
        assertThat(browser.rows()).isNotEmpty();

        browser.ticketProperty().set("OPS-9999");
        browser.search();

        assertThat(browser.errorProperty().get()).startsWith("ticket: ").contains("OPS-9999");
        assertThat(browser.rows()).isEmpty();
        browser.clearFilters();
        assertThat(browser.errorProperty().get()).isEmpty();
        assertThat(browser.rows()).isNotEmpty();
    }

    @Test
    void verify_chain_says_intact_with_the_number_of_entries() throws IOException {
        AuditBrowserViewModel browser = browser(100);

        browser.verify();

        assertThat(browser.verificationProperty().get()).isEqualTo(Verification.INTACT);
        long entries = scenario.lead().verify().entries();
        assertThat(browser.verificationTextProperty().get())
                .isEqualTo(String.format("Chain intact · %,d entries verified", entries));
    }

    /** Last: it breaks the chain of the shared server for good. */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_forged_entry_breaks_the_chain_and_verify_names_it() throws IOException, SQLException {
        long forged = scenario.lead()
                .audit(new AdminClient.AuditQuery(
                        scenario.printerKey, null, AuditAction.TICKET_CREATED, null, null, null, 1))
                .rows()
                .get(0)
                .entry()
                .seq();
        scenario.forgeTheCreationOf(scenario.printer);
        AuditBrowserViewModel browser = browser(100);

        browser.verify();

        assertThat(browser.verificationProperty().get()).isEqualTo(Verification.BROKEN);
        assertThat(browser.verificationTextProperty().get())
                .startsWith("Chain broken at entry #" + forged + " · ")
                .contains("it claims: ")
                .contains("bob, Ticket created on " + scenario.printerKey);
    }

    private static ActionChoice choice(AuditBrowserViewModel browser, AuditAction action) {
        return browser.actions().stream()
                .filter(choice -> choice.action() == action)
                .findFirst()
                .orElseThrow();
    }
}
