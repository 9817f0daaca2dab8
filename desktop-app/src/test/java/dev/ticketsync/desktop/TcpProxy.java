package dev.ticketsync.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a free loopback port in front of the test server: the network between a device and the server. On
 * command it cuts every open connection and refuses new ones (a cable pulled) until {@link #heal()}; it can also be
 * armed to cut once a number of bytes have flowed back from the server — in the middle of a response — and to answer
 * {@code 500} itself to every request that carries a marker, as a server that keeps failing on one change would. A slow
 * network is a random delay before each chunk it forwards; a flaky one resets single connections.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> answering = ConcurrentHashMap.newKeySet();
    private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong cuts = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private volatile long maxDelayNanos;
    private volatile byte[] poison;
    private volatile int poisonStatus = 500;
    private volatile boolean refusing;
    private volatile boolean closed;

    private TcpProxy(ServerSocket listener, int serverPort) {
        this.listener = listener;
        this.serverPort = serverPort;
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to the server on {@code serverPort} of the loopback address. */
    public static TcpProxy to(int serverPort) {
        try {
            return new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), serverPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #heal()}. */
    public void cut() {
        if (!refusing) {
            cuts.incrementAndGet();
        }
        refusing = true;
        for (Socket socket : open) {
            abort(socket);
        }
        open.clear();
    }

    /** Cuts (as {@link #cut()}) as soon as {@code bytes} more bytes have come back from the server. */
    void cutAfterResponseBytes(long bytes) {
        budget.set(bytes);
    }

    /**
     * Answers {@code 500} itself, without forwarding, to every request whose bytes contain {@code marker} — as a server
     * that keeps failing on one particular change would.
     */
    void failRequestsContaining(String marker) {
        answerRequestsContaining(marker, 500);
    }

    /**
     * Answers {@code status} itself, without forwarding, to every request whose bytes contain {@code marker}; {@code
     * " HTTP/1.1"} matches every request, as a gateway in front of a server that is down answers 502 to all of them.
     */
    void answerRequestsContaining(String marker, int status) {
        poisonStatus = status;
        poison = marker.getBytes(StandardCharsets.UTF_8);
    }

    /** Forwards every request again. */
    void stopAnswering() {
        poison = null;
    }

    /** How many requests the proxy answered itself ({@link #answerRequestsContaining}). */
    long failedRequests() {
        return failed.get();
    }

    /** Accepts and forwards connections again, unarmed. */
    public void heal() {
        budget.set(Long.MAX_VALUE);
        refusing = false;
    }

    /** How many times the network was cut. */
    public long cuts() {
        return cuts.get();
    }

    /** Whether the proxy is refusing connections ({@link #cut()} without a {@link #heal()} since). */
    public boolean isCut() {
        return refusing;
    }

    /** Delays each chunk it forwards, either way, by a random time up to {@code max}; zero forwards at once. */
    public void delayUpTo(Duration max) {
        maxDelayNanos = max.toNanos();
    }

    /**
     * Resets one open connection, picked by {@code random}, as a flaky network drops a request or an event stream in
     * flight; false when none was open.
     */
    public boolean dropOne(Random random) {
        List<Socket> sockets = new ArrayList<>(open);
        if (sockets.isEmpty()) {
            return false;
        }
        abort(sockets.get(random.nextInt(sockets.size())));
        drops.incrementAndGet();
        return true;
    }

    /** How many single connections {@link #dropOne} reset. */
    public long drops() {
        return drops.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (refusing) {
                abort(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                open.add(client);
                open.add(server);
                pump(client, server, false);
                pump(server, client, true);
            } catch (IOException serverDown) {
                abort(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean response) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    // Not try-with-resources: closing a socket's stream closes the socket, and this pump must not
                    // close the client socket while the other pump is still answering on it.
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        int n;
                        byte[] seen = new byte[0];
                        while ((n = in.read(buffer)) >= 0) {
                            long delay = maxDelayNanos;
                            if (delay > 0) {
                                LockSupport.parkNanos(
                                        ThreadLocalRandom.current().nextLong(delay + 1));
                            }
                            byte[] marker = poison;
                            if (!response && marker != null) {
                                seen = tail(seen, buffer, n, marker.length);
                                if (contains(seen, marker)) {
                                    failed.incrementAndGet();
                                    answering.add(from);
                                    abort(to);
                                    answer(from, in);
                                    return;
                                }
                            }
                            if (response && budget.addAndGet(-n) < 0) {
                                int allowed = (int) Math.max(0, n + budget.get());
                                out.write(buffer, 0, Math.min(n, allowed));
                                out.flush();
                                cut();
                                return;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException dropped) {
                        // One side went away; the finally block closes the other.
                    } finally {
                        abort(from);
                        abort(to);
                    }
                },
                "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** The last bytes seen on a connection, enough to find a marker that straddles two reads. */
    private static byte[] tail(byte[] before, byte[] buffer, int n, int markerLength) {
        byte[] all = new byte[before.length + n];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(buffer, 0, all, before.length, n);
        int keep = Math.min(all.length, n + markerLength);
        byte[] kept = new byte[keep];
        System.arraycopy(all, all.length - keep, kept, 0, keep);
        return kept;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Answers with the error status and closes politely once the client has read it and hung up (a reset could destroy the answer
     * before the client reads it).
     */
    private void answer(Socket client, InputStream in) throws IOException {
        byte[] body = "{\"error\":{\"code\":\"SERVER_ERROR\",\"message\":\"answered by the test proxy\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + poisonStatus + " Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            OutputStream out = client.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            client.shutdownOutput();
            client.setSoTimeout(5000);
            byte[] rest = new byte[8192];
            while (in.read(rest) >= 0) {
                // Drain what is left of the request until the client hangs up.
            }
        } finally {
            open.remove(client);
            answering.remove(client);
            client.close();
        }
    }

    /** Closes with a reset rather than a polite FIN, as a dropped network would look to the peer. */
    private void abort(Socket socket) {
        if (answering.contains(socket)) {
            return;
        }
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // Nothing to reset.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Best effort.
        }
        cut();
    }
}
