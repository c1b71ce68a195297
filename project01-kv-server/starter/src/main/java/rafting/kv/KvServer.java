package rafting.kv;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Part 7: the key-value server: a {@link KvStore} served over TCP in RESP2, the Redis protocol,
 * with a thread per connection (a {@link TcpServer} named {@code kv}: the tests expect no thread
 * whose name starts with {@code kv-} after {@link #close()}).
 *
 * <p>One connection: read a command ({@link RespReader#readCommand()}), parse it
 * ({@link KvCommand#parse}), run it on the store, write the reply; until the client leaves or
 * misbehaves. What bad input costs whom:
 * <ul>
 * <li>an invalid command (unknown name, wrong number of arguments): the error reply
 *     ({@link InvalidCommandException#reply()}), and the connection goes on;
 * <li>malformed RESP ({@link RespException}): the reply {@code -ERR } followed by the exception's
 *     message ({@code -ERR Protocol error: invalid bulk length -5}), then
 *     {@link TcpServer#lingerAndClose} and the connection ends, because we can no longer tell
 *     where the next command starts;
 * <li>a client that hangs up mid-command ({@link java.io.EOFException}): that connection ends
 *     quietly, and nothing of the half-sent command runs;
 * <li>{@code QUIT}: the reply {@code +OK}, then the server closes the connection.
 * </ul>
 * No case touches another client's connection. Pipelined commands are answered in order; flush
 * the replies when no more input is waiting ({@link RespReader#hasBufferedInput()}), not after
 * every one.
 */
public final class KvServer implements Closeable {

    /** The port of {@code java rafting.kv.KvServer} without an argument. */
    public static final int DEFAULT_PORT = 12345;

    private KvServer() {}

    /** Serves a new, empty store on {@code port} of the loopback address (0 picks a free port). */
    public static KvServer start(int port) throws IOException {
        throw new UnsupportedOperationException("Part 7: serve a new store with the default limits");
    }

    /** Serves {@code store} on {@code port} of the loopback address, with these input limits. */
    public static KvServer start(int port, KvStore store, RespReader.Limits limits) throws IOException {
        throw new UnsupportedOperationException("Part 7: start a TcpServer whose handler serves one connection");
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        throw new UnsupportedOperationException("Part 7: the bound address");
    }

    /** The port the server listens on. */
    public int port() {
        throw new UnsupportedOperationException("Part 7: the bound port");
    }

    /** The store it serves. */
    public KvStore store() {
        throw new UnsupportedOperationException("Part 7: the store");
    }

    /** How many client connections are open right now (a closed connection no longer counts). */
    int openConnections() {
        throw new UnsupportedOperationException("Part 7: the TcpServer's open connections");
    }

    /** Stops accepting and closes every connection, waiting for their threads. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 7: close the TcpServer");
    }

    /**
     * {@code KvServer [port]} (default 12345): prints {@code kv server listening on
     * 127.0.0.1:12345} and serves until stopped.
     */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 7: start, print where it listens, wait until closed");
    }
}
