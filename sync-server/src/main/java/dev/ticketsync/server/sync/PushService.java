package dev.ticketsync.server.sync;

import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.json.CommandCodec;
import dev.ticketsync.model.protocol.ErrorCode;
import dev.ticketsync.model.protocol.Mutation;
import dev.ticketsync.model.protocol.MutationResult;
import dev.ticketsync.model.protocol.MutationStatus;
import dev.ticketsync.model.protocol.PushRequest;
import dev.ticketsync.model.protocol.PushResult;
import dev.ticketsync.model.validation.ValidationException;
import dev.ticketsync.model.workflow.Rejection;
import dev.ticketsync.server.auth.Principal;
import dev.ticketsync.server.command.CommandPipeline;
import dev.ticketsync.server.command.CommandResult;
import dev.ticketsync.server.command.Origin;
import dev.ticketsync.server.command.WriteTx;
import dev.ticketsync.server.command.Writer;
import dev.ticketsync.server.http.ApiException;
import dev.ticketsync.server.store.Database;
import dev.ticketsync.server.store.DeviceRows;
import dev.ticketsync.server.store.DeviceRows.DeviceRow;
import dev.ticketsync.server.store.MutationOutcomes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a device's batch of mutations (DESIGN.md §5): a savepoint per mutation, each exactly once. Re-sent mutations
 * answer "duplicate" with their stored outcome; a gap answers 409 with the expected id; a rejection still advances the
 * device's lastMutationId, so it never blocks the ones after it. The batch is answered once every part of it has
 * committed.
 */
public final class PushService {

    /**
     * Mutations per write transaction. H2 writes a transaction's pages twice once its changes pass ~19 MB in memory
     * (MVStore stores mid-commit, uncommitted values and undo log included): 250 typical mutations stay well under that
     * and cost a quarter less than 1,000 in one (docs/decisions/0005-push-write-volume.md). Between parts other writers
     * get their turn.
     */
    static final int MUTATIONS_PER_COMMIT = 250;

    private final Database database;
    private final Writer writer;
    private final CommandPipeline pipeline;
    private final DeviceRows devices = new DeviceRows();
    private final MutationOutcomes outcomes = new MutationOutcomes();

    private final SyncStats stats;

    public PushService(Database database, Writer writer, CommandPipeline pipeline, SyncStats stats) {
        this.database = database;
        this.writer = writer;
        this.pipeline = pipeline;
        this.stats = stats;
    }

    /** 403 when {@code clientId} is a device of another user (or revoked); nothing when it is new or theirs. */
    public void checkOwner(Principal principal, UUID clientId) {
        database.read(c -> devices.find(c, clientId)).ifPresent(device -> DeviceAccess.check(device, principal));
    }

    public PushResult push(Principal principal, PushRequest request, String ip) {
        List<Mutation> mutations = request.mutations();
        List<MutationResult> results = new ArrayList<>(mutations.size());
        long lastMutationId;
        int from = 0;
        do {
            List<Mutation> part = mutations.subList(from, Math.min(mutations.size(), from + MUTATIONS_PER_COMMIT));
            PushResult applied = applyPart(principal, request.clientId(), part, ip, from == 0);
            results.addAll(applied.results());
            lastMutationId = applied.lastMutationId();
            from += MUTATIONS_PER_COMMIT;
        } while (from < mutations.size());
        long rejected = results.stream()
                .filter(r -> r.status() == MutationStatus.REJECTED)
                .count();
        long accepted = results.stream()
                .filter(r -> r.status() == MutationStatus.ACCEPTED)
                .count();
        stats.pushed((int) accepted, (int) rejected);
        return new PushResult(results, lastMutationId);
    }

    /**
     * One transaction over consecutive mutations of a batch. Each part reads the device afresh: a copy of the batch
     * pushed meanwhile (a retry) may have applied some, which then answer as duplicates. Only a batch's first mutation
     * can leave a gap, as when the batch was one transaction.
     */
    private PushResult applyPart(
            Principal principal, UUID clientId, List<Mutation> mutations, String ip, boolean firstPart) {
        return writer.write(mutations.size(), tx -> {
            DeviceRow device = DeviceAccess.claim(tx.connection(), devices, clientId, principal, tx.now());
            long last = device.lastMutationId();
            if (firstPart && !mutations.isEmpty() && mutations.get(0).mutationId() > last + 1) {
                throw new ApiException(
                        409,
                        ErrorCode.MUTATION_GAP,
                        "mutationId " + mutations.get(0).mutationId() + " leaves a gap; the server expects "
                                + (last + 1),
                        "mutations[0].mutationId");
            }
            List<MutationResult> results = new ArrayList<>(mutations.size());
            if (!mutations.isEmpty() && mutations.get(0).mutationId() <= last) {
                long lastDuplicate =
                        Math.min(last, mutations.get(mutations.size() - 1).mutationId());
                outcomes.outcomes(tx.connection(), clientId, mutations.get(0).mutationId(), lastDuplicate)
                        .forEach(stored -> results.add(stored.asDuplicate()));
            }
            List<Decoded> fresh = new ArrayList<>(mutations.size());
            for (Mutation mutation : mutations) {
                if (mutation.mutationId() > last) {
                    fresh.add(decode(mutation));
                    last = mutation.mutationId();
                }
            }
            pipeline.prefetch(
                    tx,
                    fresh.stream()
                            .filter(decoded -> decoded.command() != null)
                            .map(decoded -> decoded.command().ticketId())
                            .toList());
            Origin origin = new Origin(clientId, ip);
            List<MutationResult> accepted = new ArrayList<>(fresh.size());
            for (Decoded decoded : fresh) {
                MutationResult result = apply(tx, principal, origin, decoded);
                results.add(result);
                if (result.status() == MutationStatus.ACCEPTED) {
                    accepted.add(result);
                }
            }
            outcomes.recordAccepted(tx.connection(), clientId, accepted);
            devices.seen(tx.connection(), clientId, tx.now(), last, null);
            return new PushResult(results, last);
        });
    }

    /** A mutation with its command, or why it has none: each is judged on its own. */
    private record Decoded(Mutation mutation, Command command, ValidationException invalid) {}

    private static Decoded decode(Mutation mutation) {
        try {
            return new Decoded(mutation, CommandCodec.decode(mutation.command(), mutation.args()), null);
        } catch (ValidationException e) {
            return new Decoded(mutation, null, e);
        }
    }

    private MutationResult apply(WriteTx tx, Principal principal, Origin origin, Decoded decoded) throws SQLException {
        Mutation mutation = decoded.mutation();
        Command command = decoded.command();
        if (command == null) {
            return record(tx, principal, origin, mutation, null, Rejection.of(decoded.invalid()));
        }
        WriteTx.Mark mark = tx.mark();
        CommandResult result = pipeline.run(tx, command, principal.actor(), origin);
        if (result.rejection() != null) {
            tx.rollbackTo(mark);
            return record(tx, principal, origin, mutation, command, result.rejection());
        }
        tx.release(mark);
        return MutationResult.accepted(mutation.mutationId(), tx.head());
    }

    private MutationResult record(
            WriteTx tx, Principal principal, Origin origin, Mutation mutation, Command command, Rejection rejection)
            throws SQLException {
        MutationResult rejected = MutationResult.rejected(mutation.mutationId(), rejection.code(), rejection.message());
        UUID ticketId = command == null ? null : command.ticketId();
        String name = mutation.command().length() > 32 ? mutation.command().substring(0, 32) : mutation.command();
        outcomes.recordRejection(
                tx.connection(), origin.clientId(), rejected, name, ticketId, principal.login(), tx.now());
        return rejected;
    }
}
