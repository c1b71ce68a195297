package rafting.kv;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Part 8: a RESP client for {@link KvServer} (or Redis), and the workshop's command line.
 *
 * <pre>{@code
 * try (KvClient kv = KvClient.connect("127.0.0.1", 12345)) {
 *     kv.set(Bytes.of("foo"), Bytes.of("hello"));
 * }
 * }</pre>
 *
 * One request at a time: a client is not meant to be shared between threads. The typed methods
 * turn an error reply into an {@link ErrorReplyException} whose message is the error's message
 * ({@code ERR Protocol error: ...}).
 */
public final class KvClient implements Closeable {

    /** The server answered with an error reply; the message is the error's message. Given. */
    public static final class ErrorReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        ErrorReplyException(String message) {
            super(message);
        }
    }

    private KvClient() {}

    /** Connects, giving up after two seconds; a reply that takes over ten seconds is an error. */
    public static KvClient connect(String host, int port) throws IOException {
        throw new UnsupportedOperationException("Part 8: connect with a timeout, set a read timeout");
    }

    /**
     * Sends one command and returns the server's reply, whatever it is (an error reply is
     * returned, not thrown); an {@link java.io.EOFException} if the server closed the connection.
     */
    public Reply call(List<Bytes> args) throws IOException {
        throw new UnsupportedOperationException("Part 8: write the command, flush, read one reply");
    }

    /** {@code kv.call("SET", "foo", "hello")}. */
    public Reply call(String... words) throws IOException {
        throw new UnsupportedOperationException("Part 8: call with the words as UTF-8 arguments");
    }

    /** {@code GET}: the value, or empty for nil. */
    public Optional<Bytes> get(Bytes key) throws IOException {
        throw new UnsupportedOperationException("Part 8: GET");
    }

    /** {@code SET}. */
    public void set(Bytes key, Bytes value) throws IOException {
        throw new UnsupportedOperationException("Part 8: SET");
    }

    /** {@code DEL} of one key; returns whether the key existed. */
    public boolean delete(Bytes key) throws IOException {
        throw new UnsupportedOperationException("Part 8: DEL");
    }

    /** {@code EXISTS} of one key. */
    public boolean exists(Bytes key) throws IOException {
        throw new UnsupportedOperationException("Part 8: EXISTS");
    }

    /** {@code CAS}; returns whether the key held {@code expected} and now holds {@code value}. */
    public boolean cas(Bytes key, Bytes expected, Bytes value) throws IOException {
        throw new UnsupportedOperationException("Part 8: CAS");
    }

    /** Closes the connection. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("Part 8: close the socket");
    }

    /** The command line: {@code System.exit(run(args, System.out, System.err))}. */
    public static void main(String[] args) {
        throw new UnsupportedOperationException("Part 8: exit with the status of run");
    }

    /**
     * Runs one command line, {@code [--host H] [--port N] COMMAND} (defaults 127.0.0.1 and
     * 12345), prints its result as one line on {@code out} and returns the exit status.
     *
     * <ul>
     * <li>{@code set KEY VALUE} prints {@code ok}; {@code get KEY} the value (as UTF-8) or
     *     {@code (nil)}; {@code delete KEY} {@code ok}, or {@code (nil)} if there was no such
     *     key; {@code exists KEY} {@code 1} or {@code 0}; {@code cas KEY EXPECTED NEW} {@code 1}
     *     or {@code 0}; {@code ping} {@code PONG}. Status 0.
     * <li>the server cannot be reached: one line on {@code err},
     *     {@code KvClient: cannot connect to 127.0.0.1:12345: Connection refused}; status 1.
     * <li>the server answers with an error: one line on {@code err}, {@code KvClient: } and the
     *     error's message ({@code KvClient: ERR Protocol error: bulk length 8 above the limit of
     *     4}); status 1.
     * <li>wrong arguments (an unknown option or command, a wrong count, a bad port): the usage
     *     line on {@code err}, {@code usage: KvClient [--host H] [--port N] get KEY | set KEY VALUE
     *     | delete KEY | exists KEY | cas KEY EXPECTED NEW | ping}; status 2.
     * </ul>
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("Part 8: parse the options, run the command, print, return the status");
    }
}
