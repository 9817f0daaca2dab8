package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.pull;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PullResponse;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Eight devices push at once while a ninth follows from cursor 0: it must end with everything (DESIGN.md §4–§5). */
class ConcurrentSyncTest {

    private static final int DEVICES = 8;
    private static final int BATCHES = 20;
    private static final int TICKETS_PER_BATCH = 5;
    private static final int PULL_LIMIT = 50;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What one device was told was accepted. */
    private record Accepted(Set<String> tickets, Set<String> comments) {}

    /** 20 batches of 10 mutations: 5 tickets, each with a comment, every mutation expected "accepted". */
    private static Accepted device(TestServer.Client client, String login, CountDownLatch go) throws Exception {
        UUID clientId = UUID.randomUUID();
        Accepted accepted = new Accepted(new HashSet<>(), new HashSet<>());
        go.await();
        long mutationId = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            List<Mutation> mutations = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < TICKETS_PER_BATCH; i++) {
                UUID ticketId = UUID.randomUUID();
                UUID commentId = UUID.randomUUID();
                mutations.add(mutation(++mutationId, CreateTicket.of(ticketId, login + " batch " + batch + "/" + i)));
                ids.add("ticket/" + ticketId);
                mutations.add(mutation(
                        ++mutationId, new AddComment(commentId, ticketId, "comment by " + login, Visibility.PUBLIC)));
                ids.add("comment/" + commentId);
            }
            PushResult result = push(client, clientId, mutations);
            assertThat(result.lastMutationId()).isEqualTo(mutationId);
            for (int i = 0; i < ids.size(); i++) {
                MutationResult outcome = result.results().get(i);
                assertThat(outcome.status())
                        .as("mutation %d: %s", outcome.mutationId(), outcome.message())
                        .isEqualTo(MutationStatus.ACCEPTED);
                String id = ids.get(i);
                (id.startsWith("ticket/") ? accepted.tickets() : accepted.comments())
                        .add(id.substring(id.indexOf('/') + 1));
            }
        }
        return accepted;
    }

    /** What the follower has seen, and its checks on every page. */
    private static final class Follower {
        final TestServer.Client client = server.as("carol");
        final UUID clientId = UUID.randomUUID();
        final Set<String> tickets = new HashSet<>();
        final Set<String> comments = new HashSet<>();
        long cursor;
        int pages;

        /** Pulls one page; returns whether the server said there is more. */
        boolean step() {
            PullResponse page = pull(client, clientId, cursor, PULL_LIMIT);
            pages++;
            assertThat(page.changes()).hasSizeLessThanOrEqualTo(PULL_LIMIT);
            long previous = cursor;
            for (Change change : page.changes()) {
                assertThat(change.seq()).as("seq after %d", previous).isGreaterThan(previous);
                previous = change.seq();
                if (change.entity() == EntityType.TICKET) {
                    tickets.add(change.id());
                } else if (change.entity() == EntityType.COMMENT) {
                    comments.add(change.id());
                }
            }
            if (page.changes().isEmpty()) {
                assertThat(page.cursor()).isEqualTo(cursor);
            } else {
                assertThat(page.cursor()).isEqualTo(previous).isGreaterThan(cursor);
            }
            assertThat(page.head()).isGreaterThanOrEqualTo(page.cursor());
            cursor = page.cursor();
            return page.hasMore();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_follower_pulling_during_eight_concurrent_pushers_ends_with_every_accepted_entity() throws Exception {
        List<TestServer.Client> clients = new ArrayList<>();
        for (int device = 0; device < DEVICES; device++) {
            clients.add(server.as(device % 2 == 0 ? "alice" : "bob"));
        }
        Follower follower = new Follower();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES);
        List<Future<Accepted>> pushers = new ArrayList<>();
        try {
            for (int device = 0; device < DEVICES; device++) {
                TestServer.Client client = clients.get(device);
                String login = device % 2 == 0 ? "alice" : "bob";
                pushers.add(pool.submit(() -> device(client, login, go)));
            }
            go.countDown();
            while (!pushers.stream().allMatch(Future::isDone)) {
                follower.step();
            }
            while (follower.step()) {
                // drain what the pushers committed after the last page pulled while they ran
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.isTerminated());

        Set<String> acceptedTickets = new HashSet<>();
        Set<String> acceptedComments = new HashSet<>();
        for (Future<Accepted> pusher : pushers) {
            Accepted accepted = pusher.get();
            acceptedTickets.addAll(accepted.tickets());
            acceptedComments.addAll(accepted.comments());
        }
        assertThat(acceptedTickets).hasSize(DEVICES * BATCHES * TICKETS_PER_BATCH);
        assertThat(acceptedComments).hasSize(DEVICES * BATCHES * TICKETS_PER_BATCH);
        assertThat(follower.pages).isGreaterThan(1);
        assertThat(missing(acceptedTickets, follower.tickets))
                .as("accepted tickets never pulled")
                .isEmpty();
        assertThat(missing(acceptedComments, follower.comments))
                .as("accepted comments never pulled")
                .isEmpty();
    }

    private static Set<String> missing(Set<String> accepted, Set<String> pulled) {
        Set<String> missing = new HashSet<>(accepted);
        missing.removeAll(pulled);
        return missing;
    }
}
