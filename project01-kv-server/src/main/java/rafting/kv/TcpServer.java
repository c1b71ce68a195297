package rafting.kv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener that serves each connection on a thread of its own. The echo servers and the
 * key-value server differ only in their {@link Handler}.
 *
 * <p>Every server is bounded ({@link Bounds}): past {@code maxConnections} open connections a new
 * one is told so and closed at once, and a connection that sends nothing for {@code idle} is
 * closed. A failing {@code accept} (out of file descriptors, say) is logged once a second at most,
 * with how many failed since.
 *
 * <p>{@link #close()} stops accepting, closes every open connection (which wakes threads blocked
 * in a read) and waits for the connection threads to finish, so a test that closes the server
 * leaves no thread or socket behind.
 */
public final class TcpServer implements Closeable {

    /** Serves one connection; the server closes the socket when this returns or throws. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    /**
     * How much one server takes on.
     *
     * @param maxConnections the most connections open at once
     * @param idle how long a connection may send nothing before it is closed; zero for ever
     * @param whenFull what a connection past the limit is sent before it is closed (may be empty)
     */
    public record Bounds(int maxConnections, Duration idle, byte[] whenFull) {
        /** 1,000 connections, never idle out, nothing said when full. */
        public static final Bounds DEFAULT = new Bounds(1000, Duration.ZERO, new byte[0]);

        public Bounds {
            if (maxConnections < 1 || idle.isNegative()) {
                throw new IllegalArgumentException("a server takes at least one connection, idle >= 0: "
                        + maxConnections + ", " + idle);
            }
            whenFull = whenFull.clone();
        }
    }

    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());

    private final String name;
    private final ServerSocket listener;
    private final Handler handler;
    private final Bounds bounds;
    private long lastRefusalLog; // System.nanoTime of the last "refused" or "accept failed" line
    private int unlogged; // refusals and failures since that line
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpServer(String name, ServerSocket listener, Handler handler, Bounds bounds) {
        this.name = name;
        this.listener = listener;
        this.handler = handler;
        this.bounds = bounds;
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Binds to {@code port} on the loopback address (0 picks a free port) and starts accepting.
     * Loopback only, because these servers have no authentication.
     */
    public static TcpServer start(String name, int port, Handler handler) throws IOException {
        return start(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), handler);
    }

    /** Binds to {@code address} and starts accepting, within {@link Bounds#DEFAULT}. */
    public static TcpServer start(String name, InetSocketAddress address, Handler handler)
            throws IOException {
        return start(name, address, handler, Bounds.DEFAULT);
    }

    /** Binds to {@code address} and starts accepting, within {@code bounds}. */
    public static TcpServer start(String name, InetSocketAddress address, Handler handler, Bounds bounds)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        TcpServer server = new TcpServer(name, listener, handler, bounds);
        server.acceptor.start();
        return server;
    }

    /** The address and port actually bound (useful after binding port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:12345}: the bound address as a person types it. */
    public String hostAndPort() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    /** How many connections are open right now. */
    int openConnections() {
        return open.size();
    }

    /** Blocks until the server is closed. */
    public void awaitClosed() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    logLimited(name + ": accept failed: " + e);
                    pauseAfterFailedAccept(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            if (open.size() >= bounds.maxConnections()) {
                logLimited(name + ": refused a connection from " + socket.getRemoteSocketAddress() + ": "
                        + bounds.maxConnections() + " are open, the limit");
                refuse(socket);
                continue;
            }
            // Small request/reply messages: send them now rather than waiting to fill a packet.
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, name + ": cannot set TCP_NODELAY: " + e);
            }
            open.add(socket);
            Thread thread = new Thread(() -> serve(socket),
                    name + "-conn-" + connections.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Sends our end-of-stream, then discards what the client still sends for a moment before
     * closing. Closing a socket that holds unread input makes TCP send a reset, and a reset can
     * destroy the error reply before the client has read it.
     */
    public static void lingerAndClose(Socket socket) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[8192];
        long budget = 1 << 20;
        try {
            int n;
            while (budget > 0 && (n = in.read(sink)) >= 0) {
                budget -= n;
            }
        } catch (SocketTimeoutException e) {
            // the client keeps the connection open; we have waited long enough
        }
    }

    /** Tells a connection past the limit so and closes it, without waiting for it. */
    private void refuse(Socket socket) {
        try (socket) {
            socket.getOutputStream().write(bounds.whenFull());
        } catch (IOException e) {
            // it hung up first: nothing to tell
        }
    }

    /** Logs a warning unless one was logged less than a second ago; then says how many were not. */
    private void logLimited(String line) {
        long now = System.nanoTime();
        if (lastRefusalLog != 0 && now - lastRefusalLog < 1_000_000_000L) {
            unlogged++;
            return;
        }
        String since = unlogged == 0 ? "" : " (and " + unlogged + " more like it in the last second)";
        LOG.log(System.Logger.Level.WARNING, line + since);
        lastRefusalLog = now;
        unlogged = 0;
    }

    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, bounds.idle().toMillis()));
            handler.serve(socket);
        } catch (IOException e) {
            // A peer that hangs up, resets or stalls ends its own connection and nothing else.
            LOG.log(System.Logger.Level.DEBUG, name + ": connection " + peer + " ended: " + e);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, name + ": bug while serving " + peer, e);
        } finally {
            closeQuietly(socket);
            open.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    /** Stops accepting, closes every connection and waits for their threads to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        // Once the acceptor has stopped, no connection can be added behind our back.
        boolean interrupted = joinUninterruptibly(acceptor);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        for (Thread thread : Set.copyOf(threads)) {
            interrupted |= joinUninterruptibly(thread);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code thread} to end; returns whether we were interrupted meanwhile. */
    private static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing is best effort; there is nothing left to do with a socket that won't close.
        }
    }

    @Override
    public String toString() {
        return name + " on " + hostAndPort();
    }
}
