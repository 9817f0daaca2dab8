package dev.ticketsync.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.server.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the admin console's audit browser asks of {@code GET /api/v1/audit}: a ticket by the key people type, each entry
 * with its ticket's key, newest first with keyset paging, and a time range.
 */
class AuditBrowsingTest {

    private static TestServer server;
    private static TestServer.Client alice;
    private static TestServer.Client carol;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
        carol = server.as("carol");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode createTicket(String title) {
        TestServer.Response created = alice.post("/api/v1/tickets", "{\"title\":\"" + title + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static List<Long> seqs(JsonNode items) {
        List<Long> seqs = new ArrayList<>();
        items.forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }

    @Test
    void a_ticket_is_found_by_its_key_in_any_case_and_every_entry_carries_the_key() {
        JsonNode ticket = createTicket("Browse me by key");
        String key = ticket.get("key").asText();
        String id = ticket.get("id").asText();
        assertThat(alice.post("/api/v1/tickets/" + id + "/transitions", "{\"to\":\"triaged\"}")
                        .status())
                .isEqualTo(200);

        TestServer.Response byKey = carol.get("/api/v1/audit?ticket=" + key.toLowerCase());
        TestServer.Response byId = carol.get("/api/v1/audit?ticket=" + id);

        assertThat(byKey.status()).as(byKey.body()).isEqualTo(200);
        JsonNode items = byKey.json().get("items");
        assertThat(items.findValuesAsText("action")).containsExactly("TICKET_CREATED", "STATUS_CHANGED");
        assertThat(items.findValuesAsText("ticketKey")).containsOnly(key);
        assertThat(items.findValuesAsText("ticketId")).containsOnly(id);
        assertThat(byId.json().get("items")).isEqualTo(items);
    }

    @Test
    void newest_first_pages_each_entry_once_in_descending_seq_order() {
        for (int i = 0; i < 5; i++) {
            createTicket("Newest first " + i);
        }
        List<Long> ascending = seqs(carol.get("/api/v1/audit?action=TICKET_CREATED&limit=500")
                .json()
                .get("items"));

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TestServer.Response page = carol.get("/api/v1/audit?action=TICKET_CREATED&order=desc&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            paged.addAll(seqs(page.json().get("items")));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(paged).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ascending);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void until_ends_the_time_range_before_the_entries_written_after_it() {
        String id = createTicket("Before the line").get("id").asText();
        Instant written = Instant.parse(
                carol.get("/api/v1/audit?ticket=" + id).json().at("/items/0/at").asText());
        Instant line = written.plus(1, ChronoUnit.MILLIS);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(line));
        createTicket("After the line");

        JsonNode before = carol.get("/api/v1/audit?action=TICKET_CREATED&limit=500&until=" + line)
                .json()
                .get("items");
        JsonNode after = carol.get("/api/v1/audit?action=TICKET_CREATED&limit=500&since=" + line)
                .json()
                .get("items");

        assertThat(before.toString()).contains("Before the line").doesNotContain("After the line");
        assertThat(after.toString()).contains("After the line").doesNotContain("Before the line");
    }

    @Test
    void an_unknown_ticket_key_is_a_400_naming_ticket() {
        TestServer.Response refused = carol.get("/api/v1/audit?ticket=OPS-999999");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo("ticket");
        assertThat(refused.body()).contains("OPS-999999");
    }
}
