package rafting.kv;

import java.io.Closeable;
import java.io.IOException;

/**
 * Part 2: the warmup's first server: sends every size-prefixed message ({@link Frames}) back to
 * whoever sent it, with a thread per connection (a {@link TcpServer} named {@code echo}), so that
 * a client that stalls, even in the middle of a message, never holds up another.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.EchoServer 15000
 * java -cp project01-kv-server/target/classes rafting.kv.EchoClient --port 15000 hello world
 * }</pre>
 */
public final class EchoServer implements Closeable {

    /** The largest message a client may send. */
    public static final int MAX_MESSAGE = 1 << 20;

    private EchoServer() {}

    /** Starts serving on {@code port} of the loopback address (0 picks a free port). */
    public static EchoServer start(int port) throws IOException {
        throw new UnsupportedOperationException("Part 2: start a TcpServer named \"echo\" whose handler echoes every message");
    }

    /** The port the server listens on. */
    public int port() {
        throw new UnsupportedOperationException("Part 2: the server's port");
    }

    /** Stops accepting, closes every connection and waits for their threads to end. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 2: close the TcpServer");
    }

    /**
     * {@code EchoServer [port]} (default 15000): prints {@code echo server listening on
     * 127.0.0.1:15000} and serves until stopped; a bad port prints a usage line and exits with 2.
     */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 2: start, print where it listens, wait until closed");
    }
}
