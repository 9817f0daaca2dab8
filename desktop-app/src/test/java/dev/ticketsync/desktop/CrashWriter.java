package dev.ticketsync.desktop;

import dev.ticketsync.desktop.replica.Replica;
import dev.ticketsync.desktop.sync.SyncClient;
import dev.ticketsync.desktop.sync.SyncEngine;
import dev.ticketsync.model.command.CreateTicket;
import dev.ticketsync.model.domain.Ids;
import dev.ticketsync.model.domain.Role;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The child process of {@link CrashSafetyTest}: opens a replica in {@code args[0]} (server {@code args[1]}) as alice and
 * creates tickets titled {@code args[2] ticket N} as fast as it can, printing {@code done <id>} once each
 * {@code execute()} has returned — until it is killed. With {@code args[3] = sync} its sync engine runs meanwhile, so
 * the kill may also land in the middle of a push or a pull.
 */
public final class CrashWriter {

    static final int MAX_TICKETS = 100_000;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Replica replica = Replica.open(Path.of(args[0]), args[1], "alice", Role.AGENT, Clock.systemUTC());
        if (args.length > 3 && args[3].equals("sync")) {
            SyncClient client = new SyncClient(args[1], null);
            client.login("alice", TestBackend.PASSWORD);
            new SyncEngine(replica, client).start();
        }
        out.println("ready");
        for (int i = 1; i <= MAX_TICKETS; i++) {
            UUID id = Ids.newId();
            replica.execute(CreateTicket.of(id, args[2] + " ticket " + i));
            out.println("done " + id);
        }
        replica.close();
    }
}
