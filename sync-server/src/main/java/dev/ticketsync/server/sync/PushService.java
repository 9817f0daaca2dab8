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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies a device's batch of mutations (DESIGN.md §5): one transaction, a savepoint per mutation, each exactly once.
 * Re-sent mutations answer "duplicate" with their stored outcome; a gap answers 409 with the expected id; a rejection
 * still advances the device's lastMutationId, so it never blocks the ones after it.
 */
public final class PushService {

    private final Database database;
    private final Writer writer;
    private final CommandPipeline pipeline;
    private final DeviceRows devices = new DeviceRows();

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
        PushResult result = writer.write(tx -> {
            DeviceRow device = DeviceAccess.claim(tx.connection(), devices, request.clientId(), principal, tx.now());
            long last = device.lastMutationId();
            List<Mutation> mutations = request.mutations();
            if (!mutations.isEmpty() && mutations.get(0).mutationId() > last + 1) {
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
                devices.outcomes(
                                tx.connection(),
                                request.clientId(),
                                mutations.get(0).mutationId(),
                                lastDuplicate)
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
            Origin origin = new Origin(request.clientId(), ip);
            for (Decoded decoded : fresh) {
                results.add(apply(tx, principal, origin, decoded));
            }
            devices.seen(tx.connection(), request.clientId(), tx.now(), last, null);
            return new PushResult(results, last);
        });
        long rejected = result.results().stream()
                .filter(r -> r.status() == MutationStatus.REJECTED)
                .count();
        long accepted = result.results().stream()
                .filter(r -> r.status() == MutationStatus.ACCEPTED)
                .count();
        stats.pushed((int) accepted, (int) rejected);
        return result;
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
        MutationResult accepted = MutationResult.accepted(mutation.mutationId(), tx.head());
        devices.recordOutcome(
                tx.connection(),
                origin.clientId(),
                accepted,
                mutation.command(),
                command.ticketId(),
                principal.login(),
                tx.now());
        return accepted;
    }

    private MutationResult record(
            WriteTx tx, Principal principal, Origin origin, Mutation mutation, Command command, Rejection rejection)
            throws SQLException {
        MutationResult rejected = MutationResult.rejected(mutation.mutationId(), rejection.code(), rejection.message());
        UUID ticketId = command == null ? null : command.ticketId();
        String name = mutation.command().length() > 32 ? mutation.command().substring(0, 32) : mutation.command();
        devices.recordOutcome(
                tx.connection(), origin.clientId(), rejected, name, ticketId, principal.login(), tx.now());
        return rejected;
    }
}
