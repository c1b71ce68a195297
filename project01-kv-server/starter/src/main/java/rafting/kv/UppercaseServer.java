package rafting.kv;

import java.io.Closeable;
import java.io.IOException;

/**
 * Part 3: the warmup's second server, built from tasks that share nothing and only talk through
 * queues:
 *
 * <pre>
 *  reader (one per client) --requests--> worker (one) --replies--> sender (one per client)
 * </pre>
 *
 * Each reader turns its client's size-prefixed messages into requests on one shared queue; a
 * single worker upper-cases every request ({@link #upperCase}) and puts the result on the reply
 * queue of the client it came from; each sender writes its client's replies. Only the worker
 * touches the "application", so it needs no lock.
 *
 * <p>A client that sends 100 messages and then closes its sending side still gets all 100
 * replies before the server closes the connection. Name every thread starting with
 * {@code upper-} (serve the connections with a {@link TcpServer} named {@code upper}, call the
 * worker {@code upper-worker}): the tests expect none of them alive after {@link #close()}.
 */
public final class UppercaseServer implements Closeable {

    /** The largest message a client may send. */
    public static final int MAX_MESSAGE = 1 << 20;

    private UppercaseServer() {}

    /** Starts the worker and serves on {@code port} of the loopback address (0 picks a free port). */
    public static UppercaseServer start(int port) throws IOException {
        throw new UnsupportedOperationException("Part 3: start the worker, then a TcpServer whose handler is a reader with its sender");
    }

    /**
     * ASCII upper-casing, byte by byte: {@code a..z} become {@code A..Z}, every other byte stays
     * as it is (so {@code "héllo"} becomes {@code "HéLLO"}), and any payload, not only valid
     * UTF-8, survives. Returns a new array.
     */
    static byte[] upperCase(byte[] payload) {
        throw new UnsupportedOperationException("Part 3: upper-case the ASCII letters of a copy");
    }

    /** The port the server listens on. */
    public int port() {
        throw new UnsupportedOperationException("Part 3: the server's port");
    }

    /** Closes every connection, lets their pipelines drain, then stops the worker and waits for it. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 3: close the TcpServer, then stop the worker");
    }

    /**
     * {@code UppercaseServer [port]} (default 15001): prints {@code upper-case server listening on
     * 127.0.0.1:15001} and serves until stopped.
     */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 3: start, print where it listens, wait until closed");
    }
}
