package dev.ticketsync.desktop.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.desktop.TestBackend;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncState;
import dev.ticketsync.desktop.ui.MainWindow;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Comment;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Priority;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Ticket;
import dev.ticketsync.model.domain.TicketType;
import dev.ticketsync.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window, headless (Monocle), built as the app builds it, on alice's replica synced with a real in-process
 * server on which bob reported five new tickets.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Duration SYNC = Duration.ofSeconds(30);
    private static final List<String> TITLES = List.of(
            "VPN drops every few minutes",
            "Printer on floor 3 jams",
            "Outlook asks for the password again",
            "Shared mailbox for the finance team",
            "Staging database is very slow");

    private TestBackend backend;
    private TestBackend.Device alice;
    private TestBackend.Device bob;
    private TrackingScheduler scheduler;
    private MainViewModel model;
    private MainView view;
    private final List<UUID> seeded = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        backend = TestBackend.start();
        bob = backend.device("bob-laptop", "bob");
        for (String title : TITLES) {
            UUID id = Ids.newId();
            seeded.add(id);
            Priority priority = title.startsWith("VPN") ? Priority.P1 : Priority.P3;
            bob.replica()
                    .execute(new CreateTicket(
                            id, title, null, priority, TicketType.INCIDENT, null, null, null, null, null));
        }
        bob.engine().syncOnce();

        alice = backend.device("alice-laptop", "alice");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scheduler = new TrackingScheduler();
        MainWindow window = MainWindow.show(stage, alice.replica(), alice.engine(), scheduler);
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void closeEverything() throws Exception {
        FxToolkit.cleanupStages();
        scheduler.close();
        backend.close();
    }

    @Test
    void the_main_window_lists_the_servers_tickets_and_says_it_is_online(FxRobot robot) {
        awaitTheSeededTicketsWithKeys();

        for (String title : TITLES) {
            assertThat(robot.lookup(".table-cell").match(hasText(title)).tryQuery())
                    .as("a row showing '%s'", title)
                    .isPresent();
            assertThat(fx(() -> keyCell(robot, title))).matches("OPS-\\d+");
        }
        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(robot.lookup(".label")
                                .match(textStartingWith("Online · synced"))
                                .tryQuery())
                        .isPresent());
        assertThat(robot.lookup(".label")
                        .match(hasText("0 pending · 0 conflicts"))
                        .tryQuery())
                .isPresent();
    }

    @Test
    void keyboard_triage_of_five_tickets_assigns_them_to_me_at_p2_on_the_server(FxRobot robot) {
        awaitTheSeededTicketsWithKeys();
        robot.clickOn(row(robot, 0));
        scheduler.settle();

        List<String> visited = new ArrayList<>();
        for (int i = 0; i < TITLES.size(); i++) {
            String current = selectedKey();
            visited.add(current);
            robot.type(KeyCode.A);
            scheduler.settle();
            assertThat(selectedKey())
                    .as("after 'a' the cursor stays on %s", current)
                    .isEqualTo(current);
            robot.type(KeyCode.DIGIT2);
            scheduler.settle();
            assertThat(selectedKey())
                    .as("after '2' the cursor stays on %s", current)
                    .isEqualTo(current);
            robot.type(KeyCode.J);
            scheduler.settle();
        }

        assertThat(visited).as("j moved to a new ticket each time").doesNotHaveDuplicates();
        assertThat(fx(() -> List.copyOf(model.rows())))
                .as("what alice sees at once")
                .allSatisfy(ticket ->
                        assertThat(ticket).returns("alice", Ticket::assignee).returns(Priority.P2, Ticket::priority));
        await().atMost(SYNC).untilAsserted(() -> {
            bob.engine().syncOnce();
            assertThat(seeded)
                    .extracting(id -> bob.replica().ticket(id).orElseThrow())
                    .as("what the server gave bob")
                    .allSatisfy(ticket -> assertThat(ticket)
                            .returns("alice", Ticket::assignee)
                            .returns(Priority.P2, Ticket::priority));
        });
    }

    @Test
    void c_opens_the_comment_box_and_ctrl_enter_sends_the_comment_to_the_server(FxRobot robot) {
        awaitTheSeededTicketsWithKeys();
        robot.clickOn(row(robot, 0));
        scheduler.settle();
        Ticket ticket = fx(() -> model.selectedProperty().get());

        robot.type(KeyCode.C);
        TextArea box = robot.lookup((TextArea area) ->
                        area.getPromptText() != null && area.getPromptText().startsWith("Write a comment"))
                .queryAs(TextArea.class);
        assertThat(box.isFocused()).as("the comment box has the focus").isTrue();
        String typed = fx(box::getText);
        assertThat(typed).as("pressing c types nothing into the box").isEmpty();
        robot.write("On it, collecting the logs");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        scheduler.settle();

        String left = fx(box::getText);
        assertThat(left).as("the box empties once the comment is sent").isEmpty();
        await().atMost(SYNC).untilAsserted(() -> {
            bob.engine().syncOnce();
            assertThat(bob.replica().comments(ticket.id()))
                    .extracting(Comment::author, Comment::body)
                    .containsExactly(tuple("alice", "On it, collecting the logs"));
        });
    }

    @Test
    void s_offers_only_the_legal_statuses_and_triaged_reaches_the_server(FxRobot robot) throws Exception {
        awaitTheSeededTicketsWithKeys();
        robot.clickOn(row(robot, 0));
        scheduler.settle();
        Ticket ticket = fx(() -> model.selectedProperty().get());

        robot.type(KeyCode.S);

        List<String> offered = fx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof ContextMenu && window.isShowing())
                .flatMap(menu -> ((ContextMenu) menu).getItems().stream())
                .map(MenuItem::getText)
                .toList());
        assertThat(offered)
                .as("bob's new unassigned ticket: alice may triage it, not start or cancel it")
                .containsExactly("Triaged");
        List<String> buttons =
                fx(() -> robot.lookup(".button").match(isStatusButton()).queryAllAs(Labeled.class).stream()
                        .map(Labeled::getText)
                        .toList());
        assertThat(buttons).as("the detail pane's Move to buttons").containsExactly("Triaged");
        robot.clickOn(robot.lookup(".context-menu .menu-item")
                .match(containsLabel("Triaged"))
                .<Node>query());

        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(serverAudit(ticket.id())).anySatisfy(entry -> {
                    assertThat(entry.path("action").asText()).isEqualTo("STATUS_CHANGED");
                    assertThat(entry.path("actor").asText()).isEqualTo("alice");
                    assertThat(entry.path("changes").toString()).contains("triaged");
                }));
        await().atMost(SYNC).until(() -> fx(() -> cellOf(robot, ticket.title(), "Status")), "Triaged"::equals);
    }

    @Test
    void a_ticket_created_while_the_server_is_down_shows_a_provisional_key_and_a_pending_mark_until_it_syncs(
            FxRobot robot) {
        awaitTheSeededTicketsWithKeys();
        robot.clickOn(row(robot, 0));
        backend.stopServer();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TextField title = robot.lookup((TextField field) -> "Title".equals(field.getPromptText()))
                .queryAs(TextField.class);
        robot.clickOn(title).write("Badge reader at the east door is dead");
        robot.clickOn(robot.lookup(".button").match(hasText("OK")).<Node>query());
        scheduler.settle();

        String offline = fx(() -> keyCell(robot, "Badge reader at the east door is dead"));
        assertThat(offline).startsWith("● OPS-?");
        await("the status bar to say offline, with the change pending")
                .atMost(SYNC)
                .until(() -> fx(() -> robot.lookup(".label")
                                .match(textStartingWith("Offline"))
                                .tryQuery()
                                .isPresent()
                        && robot.lookup(".label")
                                .match(hasText("1 pending · 0 conflicts"))
                                .tryQuery()
                                .isPresent()));
        assertThat(alice.engine().status().state()).isEqualTo(SyncState.OFFLINE);

        backend.restartServer();
        await().atMost(SYNC)
                .untilAsserted(() -> assertThat(fx(() -> keyCell(robot, "Badge reader at the east door is dead")))
                        .matches("OPS-\\d+"));
    }

    @Test
    void slash_focuses_the_query_and_typing_a_query_filters_the_table(FxRobot robot) {
        awaitTheSeededTicketsWithKeys();
        robot.clickOn(row(robot, 0));
        TextField query = robot.lookup((TextField field) ->
                        field.getPromptText() != null && field.getPromptText().startsWith("Filter"))
                .queryAs(TextField.class);

        robot.type(KeyCode.SLASH);
        assertThat(query.isFocused()).as("the query field has the focus").isTrue();
        String typed = fx(query::getText);
        assertThat(typed).as("pressing / types nothing into the query").doesNotContain("/");
        assertThat(fx(query::getSelectedText))
                .as("the current query is selected, so typing replaces it")
                .isEqualTo(typed);
        robot.write("priority:p1");
        scheduler.settle();

        assertThat(query.getText()).isEqualTo("priority:p1");
        assertThat(fx(() -> model.rows().stream().map(Ticket::title).toList()))
                .containsExactly("VPN drops every few minutes");
        assertThat(view.table().getItems()).extracting(Ticket::priority).containsOnly(Priority.P1);
    }

    private void trace(String when) {
        System.out.println("TRACE " + when + ": "
                + fx(() -> "selected index " + view.table().getSelectionModel().getSelectedIndex()
                        + " item "
                        + java.util.Optional.ofNullable(
                                        view.table().getSelectionModel().getSelectedItem())
                                .map(Ticket::key)
                                .orElse("-")
                        + " model "
                        + java.util.Optional.ofNullable(model.selectedProperty().get())
                                .map(Ticket::key)
                                .orElse("-")
                        + " rows "
                        + model.rows().stream()
                                .map(t -> t.key() + "/" + t.assignee() + "/" + t.priority())
                                .toList()));
    }

    // ---- helpers ----

    private void awaitTheSeededTicketsWithKeys() {
        await().atMost(SYNC)
                .until(() -> fx(() -> model.rows().stream()
                                .filter(t -> seeded.contains(t.id()) && t.key() != null)
                                .count())
                        == seeded.size());
        scheduler.settle();
    }

    private String selectedKey() {
        return fx(() -> Optional.ofNullable(view.table().getSelectionModel().getSelectedItem())
                .map(Ticket::displayKey)
                .orElse("(nothing selected)"));
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup((TableRow<?> row) -> row.getIndex() == index && row.getItem() != null)
                .query();
    }

    /** The text of the Key cell in the row of the ticket titled {@code title}, as the user sees it. */
    private static String keyCell(FxRobot robot, String title) {
        return cellOf(robot, title, "Key");
    }

    private static String cellOf(FxRobot robot, String title, String column) {
        return robot.lookup((TableCell<?, ?> cell) -> cell.getTableColumn() != null
                        && column.equals(cell.getTableColumn().getText())
                        && cell.getTableRow() != null
                        && cell.getTableRow().getItem() instanceof Ticket ticket
                        && ticket.title().equals(title))
                .tryQueryAs(TableCell.class)
                .map(Labeled::getText)
                .orElse("(no row for " + title + ")");
    }

    private static <T> T fx(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, read);
    }

    private static java.util.function.Predicate<Labeled> hasText(String text) {
        return labeled -> text.equals(labeled.getText());
    }

    private static java.util.function.Predicate<Labeled> textStartingWith(String text) {
        return labeled -> labeled.getText() != null && labeled.getText().startsWith(text);
    }

    private static java.util.function.Predicate<Labeled> isStatusButton() {
        return button ->
                Arrays.stream(Status.values()).anyMatch(status -> status.label().equals(button.getText()));
    }

    private static java.util.function.Predicate<Node> containsLabel(String text) {
        return node -> node.lookupAll(".label").stream()
                .anyMatch(label -> label instanceof Labeled labeled && text.equals(labeled.getText()));
    }

    /** The ticket's audit trail as the server's REST API gives it to carol. */
    private List<JsonNode> serverAudit(UUID ticketId) throws Exception {
        String token;
        try (SyncClient client = new SyncClient(backend.url(), null)) {
            token = client.login("carol", TestBackend.PASSWORD).token();
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(backend.url() + "/api/v1/tickets/" + ticketId + "/audit"))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        Json.strict().readTree(response.body()).path("items").forEach(entries::add);
        return entries;
    }
}
