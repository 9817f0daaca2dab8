package dev.ticketsync.server.sync;

import static dev.ticketsync.server.sync.SyncCalls.mutation;
import static dev.ticketsync.server.sync.SyncCalls.push;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketsync.model.command.AddComment;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.command.Transition;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.domain.Visibility;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch larger than one write transaction (PushService commits every 250 mutations) behaves as one: every mutation
 * answered in order exactly once, rejections on their own, later parts seeing earlier ones, and a copy pushed at the
 * same time answered with duplicates instead of applying anything twice.
 */
class LargeBatchTest {

    private static final int SIZE = 600;

    private static TestServer server;
    private static TestServer.Client alice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.as("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code SIZE} creates titled with {@code word}, but for the few mutations {@code special} puts in their place. */
    private static List<Mutation> creates(String word, UUID first, java.util.function.IntFunction<Mutation> special) {
        List<Mutation> batch = new ArrayList<>();
        batch.add(mutation(1, CreateTicket.of(first, word + " 1")));
        for (int id = 2; id <= SIZE; id++) {
            Mutation replaced = special.apply(id);
            batch.add(replaced != null ? replaced : mutation(id, CreateTicket.of(UUID.randomUUID(), word + " " + id)));
        }
        return batch;
    }

    private static long ticketsTitled(String word) {
        return alice.get("/api/v1/tickets?q=" + word + "&limit=1")
                .json()
                .get("total")
                .asLong();
    }

    @Test
    void a_batch_spanning_several_commits_is_answered_in_order_and_again_as_duplicates() {
        UUID clientId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID commentId = UUID.randomUUID();
        List<Mutation> batch = creates("kookaburra", first, id -> switch (id) {
            case 260, 510 -> mutation(id, Transition.to(first, Status.RESOLVED));
            case 400 -> mutation(id, new AddComment(commentId, first, "from a later part", Visibility.PUBLIC));
            default -> null;
        });

        PushResult pushed = push(alice, clientId, batch);

        assertThat(pushed.lastMutationId()).isEqualTo(SIZE);
        assertThat(pushed.results()).extracting(MutationResult::mutationId).containsExactlyElementsOf(ids());
        for (MutationResult result : pushed.results()) {
            boolean illegal = result.mutationId() == 260 || result.mutationId() == 510;
            assertThat(result.status())
                    .as("mutation %d", result.mutationId())
                    .isEqualTo(illegal ? MutationStatus.REJECTED : MutationStatus.ACCEPTED);
            if (illegal) {
                assertThat(result.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
            }
        }
        assertThat(pushed.results().stream()
                        .filter(r -> r.status() == MutationStatus.ACCEPTED)
                        .map(MutationResult::seq))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(ticketsTitled("kookaburra")).isEqualTo(SIZE - 3);
        assertThat(alice.get("/api/v1/tickets/" + first)
                        .json()
                        .at("/comments/0/id")
                        .asText())
                .isEqualTo(commentId.toString());

        PushResult again = push(alice, clientId, batch);

        assertThat(again.lastMutationId()).isEqualTo(SIZE);
        assertThat(again.results()).hasSize(SIZE).allSatisfy(result -> {
            MutationResult original = pushed.results().get((int) result.mutationId() - 1);
            assertThat(result.status()).isEqualTo(MutationStatus.DUPLICATE);
            assertThat(result.outcome()).isEqualTo(original.status());
            assertThat(result.seq()).isEqualTo(original.seq());
            assertThat(result.code()).isEqualTo(original.code());
        });
        assertThat(ticketsTitled("kookaburra")).isEqualTo(SIZE - 3);
    }

    @Test
    void two_copies_of_a_large_batch_pushed_at_once_apply_each_mutation_exactly_once() {
        UUID clientId = UUID.randomUUID();
        List<Mutation> batch = creates("pademelon", UUID.randomUUID(), id -> null);

        CompletableFuture<PushResult> one = CompletableFuture.supplyAsync(() -> push(alice, clientId, batch));
        CompletableFuture<PushResult> other = CompletableFuture.supplyAsync(() -> push(alice, clientId, batch));
        List<MutationResult> first = one.join().results();
        List<MutationResult> second = other.join().results();

        assertThat(first).extracting(MutationResult::mutationId).containsExactlyElementsOf(ids());
        assertThat(second).extracting(MutationResult::mutationId).containsExactlyElementsOf(ids());
        for (int i = 0; i < SIZE; i++) {
            List<MutationResult> answers = List.of(first.get(i), second.get(i));
            assertThat(answers)
                    .as("mutation %d", i + 1)
                    .extracting(MutationResult::status)
                    .containsExactlyInAnyOrder(MutationStatus.ACCEPTED, MutationStatus.DUPLICATE);
            assertThat(answers.get(0).seq()).isEqualTo(answers.get(1).seq());
        }
        assertThat(ticketsTitled("pademelon")).isEqualTo(SIZE);
        assertThat(server.as("carol")
                        .get("/api/v1/audit/verify")
                        .json()
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    private static List<Long> ids() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= SIZE; id++) {
            ids.add(id);
        }
        return ids;
    }
}
