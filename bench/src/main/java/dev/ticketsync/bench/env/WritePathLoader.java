package dev.ticketsync.bench.env;

import dev.ticketsync.bench.workload.DataGenerator;
import dev.ticketsync.bench.workload.TicketScript;
import dev.ticketsync.model.command.Command;
import dev.ticketsync.model.domain.Role;
import dev.ticketsync.model.domain.Status;
import dev.ticketsync.model.workflow.Actor;
import dev.ticketsync.model.workflow.Workflow;
import dev.ticketsync.server.ServerApp;
import dev.ticketsync.server.command.CommandPipeline;
import dev.ticketsync.server.command.CommandResult;
import dev.ticketsync.server.command.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Fills the server with generated tickets through its one write path — the same {@link CommandPipeline} and writer a
 * push uses (workflow, rows, change log, hash-chained audit), by each ticket's reporter from their own device id, in
 * transactions of a few hundred tickets. It skips only the HTTP and per-mutation bookkeeping of a push, which the push
 * scenario measures on its own (loading through the push endpoint measured about 12 % more CPU).
 */
public final class WritePathLoader {

    private static final int TICKETS_PER_TRANSACTION = 200;

    private final ServerApp server;
    private final DataGenerator generator;
    private final CommandPipeline pipeline;

    public WritePathLoader(ServerApp server, DataGenerator generator) {
        this.server = server;
        this.generator = generator;
        this.pipeline =
                new CommandPipeline(Workflow.standard(), server.database().dialect());
    }

    /** What was loaded: counts, and the tickets left open (the ones later work may touch). */
    public record Loaded(int tickets, long mutations, List<UUID> openTickets, double seconds) {}

    public Loaded load(int tickets) {
        long started = System.nanoTime();
        List<String> agents = BenchServer.AGENTS;
        List<Origin> devices = new ArrayList<>();
        agents.forEach(agent -> devices.add(new Origin(UUID.randomUUID(), "127.0.0.1")));
        List<UUID> open = new ArrayList<>();
        long mutations = 0;
        for (int first = 0; first < tickets; first += TICKETS_PER_TRANSACTION) {
            List<TicketScript> chunk = new ArrayList<>();
            for (int i = first; i < Math.min(tickets, first + TICKETS_PER_TRANSACTION); i++) {
                chunk.add(generator.ticket(i, agents.get(i % agents.size())));
            }
            server.writer().write(tx -> {
                for (TicketScript script : chunk) {
                    Actor reporter = new Actor(script.reporter(), Role.AGENT);
                    Origin origin = devices.get(agents.indexOf(script.reporter()));
                    for (Command step : script.steps()) {
                        CommandResult result = pipeline.run(tx, step, reporter, origin);
                        if (result.rejection() != null) {
                            throw new IllegalStateException("generated step refused: "
                                    + result.rejection().message());
                        }
                    }
                }
                return null;
            });
            for (TicketScript script : chunk) {
                mutations += script.steps().size();
                if (Status.OPEN.contains(script.status())) {
                    open.add(script.id());
                }
            }
        }
        Collections.sort(open);
        return new Loaded(tickets, mutations, open, (System.nanoTime() - started) / 1e9);
    }
}
