package dev.ticketsync.bench.env;

import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A device that only pushes: its own clientId and mutationId sequence, sending commands through the real push endpoint
 * in batches, as a device's outbox would after a busy offline spell.
 */
public final class Pusher {

    private final SyncClient client;
    private final UUID clientId = UUID.randomUUID();
    private long nextMutationId = 1;
    private long accepted;
    private long rejected;
    private String firstRejection;

    public Pusher(SyncClient client) {
        this.client = client;
    }

    /** Encodes the commands as this device's next mutations (done before timing: a device's outbox holds them so). */
    public List<PushRequest> batches(List<Command> commands, int batchSize) {
        List<PushRequest> batches = new ArrayList<>();
        List<Mutation> batch = new ArrayList<>(batchSize);
        Instant now = Instant.now();
        for (Command command : commands) {
            batch.add(new Mutation(nextMutationId++, command.name().wire(), CommandCodec.encode(command), now));
            if (batch.size() == batchSize) {
                batches.add(new PushRequest(clientId, batch));
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(new PushRequest(clientId, batch));
        }
        return batches;
    }

    public void push(PushRequest batch) throws IOException {
        PushResult result = client.push(batch);
        for (MutationResult answer : result.results()) {
            if (answer.effectiveStatus() == MutationStatus.ACCEPTED) {
                accepted++;
            } else {
                rejected++;
                if (firstRejection == null) {
                    firstRejection = answer.code() + ": " + answer.message();
                }
            }
        }
    }

    public void pushAll(List<Command> commands, int batchSize) throws IOException {
        for (PushRequest batch : batches(commands, batchSize)) {
            push(batch);
        }
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    /** The first refusal's code and message, for the report; null when none. */
    public String firstRejection() {
        return firstRejection;
    }
}
