package rafting.kv;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Part 2: a TCP listener that serves each connection on a thread of its own. The echo server,
 * the upper-case server and the key-value server differ only in their {@link Handler}; Project 10
 * serves its client and peer ports with it too.
 *
 * <p>An accepting thread takes each new connection and starts a thread for it, which calls the
 * handler and closes the socket when the handler returns or throws. An {@link IOException} from
 * a handler ends that connection only (log it at DEBUG level); nothing else notices.
 * {@link #close()} stops accepting, closes every open connection (which wakes the threads blocked
 * in a read) and waits for the connection threads to finish, so a test that closes the server
 * leaves no thread or socket behind. Name the threads after the server: the tests look for live
 * threads whose name starts with {@code name + "-"} (for example {@code echo-accept},
 * {@code echo-conn-1}) and expect none after {@code close()}.
 *
 * <p>Part 7: every server is bounded ({@link Bounds}). When {@code maxConnections} are open, a new
 * connection is sent {@code whenFull} and closed at once; a connection that sends nothing for
 * {@code idle} is closed (set it as the socket's read timeout before calling the handler). A
 * failing {@code accept} (out of file descriptors, say) and a refusal are logged as warnings at
 * most once a second, with how many more happened since (the tests read the log).
 */
public final class TcpServer implements Closeable {

    /** Serves one connection; the server closes the socket when this returns or throws. */
    @FunctionalInterface
    public interface Handler {
        void serve(Socket socket) throws IOException;
    }

    /**
     * How much one server takes on. Given whole.
     *
     * @param maxConnections the most connections open at once
     * @param idle how long a connection may send nothing before it is closed; zero for ever
     * @param whenFull what a connection past the limit is sent before it is closed (may be empty)
     */
    public record Bounds(int maxConnections, java.time.Duration idle, byte[] whenFull) {
        /** 1,000 connections, never idle out, nothing said when full. */
        public static final Bounds DEFAULT = new Bounds(1000, java.time.Duration.ZERO, new byte[0]);

        public Bounds {
            if (maxConnections < 1 || idle.isNegative()) {
                throw new IllegalArgumentException("a server takes at least one connection, idle >= 0: "
                        + maxConnections + ", " + idle);
            }
            whenFull = whenFull.clone();
        }
    }

    private TcpServer() {}

    /**
     * Binds to {@code port} on the loopback address (0 picks a free port) and starts accepting.
     * Loopback only, because these servers have no authentication.
     */
    public static TcpServer start(String name, int port, Handler handler) throws IOException {
        throw new UnsupportedOperationException("Part 2: bind to the loopback address and start accepting");
    }

    /** Binds to {@code address} and starts accepting (Project 10 binds the addresses of its cluster file). */
    public static TcpServer start(String name, InetSocketAddress address, Handler handler)
            throws IOException {
        throw new UnsupportedOperationException("Part 2: bind, then start the accepting thread");
    }

    /** Binds to {@code address} and starts accepting within {@code bounds} (the others use {@link Bounds#DEFAULT}). */
    public static TcpServer start(String name, InetSocketAddress address, Handler handler, Bounds bounds)
            throws IOException {
        throw new UnsupportedOperationException("Part 7: bind, and accept within the bounds");
    }

    /** The address and port actually bound (useful after binding port 0). */
    public InetSocketAddress address() {
        throw new UnsupportedOperationException("Part 2: the bound address");
    }

    /** The port actually bound. */
    public int port() {
        throw new UnsupportedOperationException("Part 2: the bound port");
    }

    /** {@code 127.0.0.1:12345}: the bound address as a person types it. */
    public String hostAndPort() {
        throw new UnsupportedOperationException("Part 2: host and port as text");
    }

    /** How many connections are open right now (the key-value server's tests count them). */
    int openConnections() {
        throw new UnsupportedOperationException("Part 7: count the open connections");
    }

    /** Blocks until the server is closed (the programs' {@code main} waits here). */
    public void awaitClosed() throws InterruptedException {
        throw new UnsupportedOperationException("Part 2: wait for the accepting thread to end");
    }

    /**
     * Closes {@code socket} politely, after an error reply: shuts down our sending side (the
     * client sees the end of the stream after the reply), then reads and discards what the client
     * still sends, for at most a second and at most 1 MiB, before returning (the handler's caller
     * then closes the socket). Closing a socket that holds unread input makes TCP send a reset,
     * and a reset can destroy the error reply before the client has read it.
     */
    public static void lingerAndClose(Socket socket) throws IOException {
        throw new UnsupportedOperationException("Part 7: shut down output, drain the input for a bounded time");
    }

    /** Stops accepting, closes every connection and waits for their threads to end. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 2: stop accepting, close every connection, join every thread");
    }

    /** {@code echo on 127.0.0.1:15000}: the name, then where it listens. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: name on host:port");
    }
}
