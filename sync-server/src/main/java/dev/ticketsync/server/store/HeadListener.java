package dev.ticketsync.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the heads other server instances commit on one PostgreSQL (LISTEN/NOTIFY), so every instance pokes its own
 * event streams whichever instance took the write. Reconnects after a lost connection.
 */
public final class HeadListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadListener.class);

    private final Database database;
    private final LongConsumer onHead;
    private final Thread thread;
    private volatile boolean running = true;

    public HeadListener(Database database, LongConsumer onHead) {
        this.database = database;
        this.onHead = onHead;
        this.thread = new Thread(this::listen, "head-listener");
        this.thread.setDaemon(true);
    }

    public HeadListener start() {
        thread.start();
        return this;
    }

    private void listen() {
        while (running) {
            try (Connection connection = database.dedicatedConnection()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + Dialect.HEAD_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    long head = 0;
                    for (PGNotification notification : notifications) {
                        head = Math.max(head, Long.parseLong(notification.getParameter()));
                    }
                    if (head > 0) {
                        onHead.accept(head);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("lost the LISTEN connection, reconnecting: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
