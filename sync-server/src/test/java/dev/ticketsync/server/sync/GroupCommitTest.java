package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.PUSH;
import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.pullAll;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static dev.ticketsync.server.sync.SyncCalls.pushBody;
import static dev.ticketsync.server.sync.SyncCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.Change;
import dev.ticketsync.model.protocol.EntityType;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import dev.ticketsync.server.command.Writer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pushes that arrive while the one writer is busy wait for it and then commit together (DESIGN.md §4 allows grouping
 * commits). Each must still get exactly the answer it would have got alone: an accepted one its seq, a gap its 409 with
 * nothing written, a rejected one its stored rejection — and the audit chain must verify.
 */
class GroupCommitTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pushes_queued_behind_a_busy_writer_share_one_commit_and_each_keeps_its_own_answer() throws Exception {
        try (TestServer server = TestServer.start()) {
            TestServer.Client alice = server.as("alice");
            Writer writer = server.app().writer();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch inside = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                Future<?> busy = pool.submit(() -> writer.write(tx -> {
                    inside.countDown();
                    awaitUninterruptibly(release);
                    return null;
                }));
                inside.await();
                long transactionsBefore = writer.transactions();

                UUID ticket = UUID.randomUUID();
                UUID good = UUID.randomUUID();
                UUID gapped = UUID.randomUUID();
                UUID refused = UUID.randomUUID();
                Future<TestServer.Response> accepted = pool.submit(() -> alice.post(
                        PUSH, pushBody(good, List.of(mutation(1, CreateTicket.of(ticket, "Grouped with others"))))));
                Future<TestServer.Response> gap = pool.submit(() -> alice.post(
                        PUSH,
                        pushBody(gapped, List.of(mutation(3, CreateTicket.of(UUID.randomUUID(), "Never written"))))));
                Future<TestServer.Response> rejected = pool.submit(() -> alice.post(
                        PUSH,
                        pushBody(
                                refused,
                                List.of(mutation(
                                        1,
                                        new AddComment(
                                                UUID.randomUUID(),
                                                UUID.randomUUID(),
                                                "On a ticket nobody has",
                                                Visibility.PUBLIC))))));
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.queued() == 3);
                release.countDown();
                busy.get();

                TestServer.Response acceptedAnswer = accepted.get();
                assertThat(acceptedAnswer.status()).as(acceptedAnswer.body()).isEqualTo(200);
                MutationResult created =
                        read(acceptedAnswer, PushResult.class).results().get(0);
                assertThat(created.status()).isEqualTo(MutationStatus.ACCEPTED);
                assertThat(gap.get().status()).isEqualTo(409);
                assertThat(gap.get().errorCode()).isEqualTo("MUTATION_GAP");
                TestServer.Response rejectedAnswer = rejected.get();
                assertThat(rejectedAnswer.status()).as(rejectedAnswer.body()).isEqualTo(200);
                assertThat(read(rejectedAnswer, PushResult.class)
                                .results()
                                .get(0)
                                .status())
                        .isEqualTo(MutationStatus.REJECTED);
                assertThat(writer.transactions() - transactionsBefore)
                        .as("the three queued pushes committed as one transaction")
                        .isEqualTo(1);

                List<Change> changes = pullAll(alice, good, 0);
                assertThat(changes).anySatisfy(change -> assertThat(change.id()).isEqualTo(ticket.toString()));
                assertThat(changes)
                        .noneSatisfy(
                                change -> assertThat(change.data().toString()).contains("Never written"));
                // The rejection was stored in the group: re-sent, it answers as that rejection.
                MutationResult again = push(
                                alice,
                                refused,
                                List.of(mutation(
                                        1, CreateTicket.of(UUID.randomUUID(), "A different command, same id"))))
                        .results()
                        .get(0);
                assertThat(again.status()).isEqualTo(MutationStatus.DUPLICATE);
                assertThat(again.outcome()).isEqualTo(MutationStatus.REJECTED);
                // The gap left nothing behind: the device still starts at 1.
                assertThat(push(alice, gapped, List.of(mutation(1, CreateTicket.of(UUID.randomUUID(), "Now in order"))))
                                .results()
                                .get(0)
                                .status())
                        .isEqualTo(MutationStatus.ACCEPTED);
                JsonNode verified =
                        server.as("carol").get("/api/v1/audit/verify").json();
                assertThat(verified.get("ok").asBoolean()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void many_devices_pushing_at_once_all_land_exactly_once() throws Exception {
        int devices = 24;
        try (TestServer server = TestServer.start()) {
            TestServer.Client alice = server.as("alice");
            ExecutorService pool = Executors.newFixedThreadPool(devices);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<UUID> tickets = java.util.stream.IntStream.range(0, devices)
                        .mapToObj(i -> UUID.randomUUID())
                        .toList();
                List<Future<PushResult>> answers = tickets.stream()
                        .map(ticket -> pool.submit(() -> {
                            go.await();
                            UUID device = UUID.randomUUID();
                            return push(
                                    alice,
                                    device,
                                    List.of(
                                            mutation(1, CreateTicket.of(ticket, "From device " + device)),
                                            mutation(
                                                    2,
                                                    new AddComment(
                                                            UUID.randomUUID(),
                                                            ticket,
                                                            "First comment",
                                                            Visibility.PUBLIC))));
                        }))
                        .toList();
                go.countDown();
                for (Future<PushResult> answer : answers) {
                    assertThat(answer.get().results())
                            .extracting(MutationResult::status)
                            .containsOnly(MutationStatus.ACCEPTED);
                }

                List<Change> changes = pullAll(alice, UUID.randomUUID(), 0);
                assertThat(changes.stream().filter(c -> c.entity() == EntityType.TICKET))
                        .extracting(Change::id)
                        .containsExactlyInAnyOrderElementsOf(
                                tickets.stream().map(UUID::toString).toList());
                assertThat(changes.stream().filter(c -> c.entity() == EntityType.COMMENT))
                        .hasSize(devices);
                assertThat(changes)
                        .extracting(Change::seq)
                        .doesNotHaveDuplicates()
                        .isSorted();
                JsonNode verified =
                        server.as("carol").get("/api/v1/audit/verify").json();
                assertThat(verified.get("ok").asBoolean()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
