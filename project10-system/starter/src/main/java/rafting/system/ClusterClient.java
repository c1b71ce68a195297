package rafting.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import rafting.kv.Bytes;
import rafting.kv.Reply;

/**
 * Part 5: a client of the whole cluster. It talks to one node at a time (one connection, Project
 * 1's {@code RespWriter} and {@code RespReader}) and finds the leader by itself: it follows
 * {@code -MOVED 0 host:port} to that address and waits out {@code -CLUSTERDOWN} during an election
 * (a short pause, then the next node). Those two replies mean the command was not run, so
 * resending it is safe. A node it cannot reach is skipped for the next one of the list. Anything
 * else, a broken connection included, goes back to the caller, who alone knows whether a retry is
 * safe (a broken connection leaves a write's outcome unknown); the next call reconnects.
 *
 * <pre>{@code
 * try (var client = new ClusterClient(List.of(ClusterFile.parse("127.0.0.1:7001")))) {
 *     client.call("SET", "x", "1");   // OK
 * }
 * }</pre>
 */
public final class ClusterClient implements Closeable {

    /** Part 5: a client of the cluster whose nodes (some or all) are {@code nodes}, patient for 10 s. */
    public ClusterClient(List<InetSocketAddress> nodes) {
        throw new UnsupportedOperationException("Part 5: a client patient for 10 s");
    }

    /**
     * Part 5: a client that waits up to {@code patience} for a leader before giving up on a
     * command. No address at all is an {@link IllegalArgumentException}. Connects lazily, on the
     * first call.
     */
    public ClusterClient(List<InetSocketAddress> nodes, Duration patience) {
        throw new UnsupportedOperationException("Part 5: a client of these nodes");
    }

    /**
     * Part 5: from now on each new connection first sends {@code AUTH password} and throws an
     * {@code IOException} containing {@code refused the password} unless the node answers OK;
     * returns this client.
     */
    public ClusterClient withPassword(byte[] password) {
        throw new UnsupportedOperationException("Part 5: authenticate each connection");
    }

    /**
     * Part 9: from now on every write (any command but those that only read, {@code PING},
     * {@code QUIT}, {@code FLUSHALL} and what does not parse) runs in a session: opened with
     * {@code SESSION OPEN} on the first write, each write sent as {@code SESSION id n command...}
     * with the next number, and sent again with the same number after a broken connection until
     * the patience runs out.
     */
    public ClusterClient withSession() {
        throw new UnsupportedOperationException("Part 9: writes in a session");
    }

    /** Part 9: the id of this client's session, or 0 before its first write in one. */
    public long session() {
        throw new UnsupportedOperationException("Part 9: the session's id");
    }

    /** Part 5: sends a command of text words ({@code call("SET", "x", "1")}) and returns the reply. */
    public Reply call(String... words) throws IOException {
        throw new UnsupportedOperationException("Part 5: a command of words");
    }

    /**
     * Part 5: sends a command to the leader, wherever it is, and returns its reply (errors other
     * than MOVED and CLUSTERDOWN included, as {@link Reply.Error}).
     *
     * @throws Unavailable if no node could be reached, or no leader was found, within the
     *     patience: the command was not run
     * @throws IOException if the connection broke with the command sent: its outcome is unknown
     */
    public Reply call(List<Bytes> args) throws IOException {
        throw new UnsupportedOperationException("Part 5: find the leader, send, follow redirects");
    }

    /**
     * Part 5 (given whole): no leader could be reached within the patience: every node was down,
     * or answered only that it does not lead. The command certainly was not run.
     */
    public static final class Unavailable extends IOException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Part 5: the node this client is talking to now, or null between connections. */
    public InetSocketAddress connectedTo() {
        throw new UnsupportedOperationException("Part 5: the node connected to");
    }

    /** Part 5: closes the connection, if any; a later call connects again. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 5: close the connection");
    }

    /** Part 5: the nodes this client knows, as given: {@code ClusterClient[127.0.0.1:7001, 127.0.0.1:7002]}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 5: the nodes known");
    }
}
