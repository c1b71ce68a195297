package rafting.system;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.Reply;
import rafting.kv.RespReader;
import rafting.kv.RespWriter;

/**
 * A client of the whole cluster: it talks to one node at a time and finds the leader by itself,
 * following {@code -MOVED 0 host:port} and waiting out {@code -CLUSTERDOWN} during an election.
 * Those two replies mean the command was not run, so resending it is safe. Anything else, a
 * broken connection included, goes back to the caller, who alone knows whether a retry is safe
 * (a broken connection leaves a write's outcome unknown); the next call reconnects.
 *
 * <p>{@link #withSession()} makes every write exactly-once (thesis §6.3): the client opens a
 * session on its first write and numbers its writes; a write whose connection broke is sent
 * again, with the same number, to whichever node leads, until the patience runs out, and the
 * cluster runs it once. Reads need no session: they change nothing.
 *
 * <pre>{@code
 * try (var client = new ClusterClient(List.of(ClusterFile.parse("127.0.0.1:7001")))) {
 *     client.call("SET", "x", "1");   // OK
 * }
 * }</pre>
 */
public final class ClusterClient implements Closeable {

    private final List<InetSocketAddress> nodes;
    private final Duration patience;
    private InetSocketAddress target;
    private int next;
    private Socket socket;
    private RespReader in;
    private RespWriter out;
    private byte[] password;
    private boolean sessions;
    private long session; // 0 until the first write in a session
    private long seq;

    /** A client of the cluster whose nodes (some or all) are {@code nodes}, patient for 10 s. */
    public ClusterClient(List<InetSocketAddress> nodes) {
        this(nodes, Duration.ofSeconds(10));
    }

    /** A client that waits up to {@code patience} for a leader before giving up on a command. */
    public ClusterClient(List<InetSocketAddress> nodes, Duration patience) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one node's address");
        }
        this.nodes = List.copyOf(nodes);
        this.patience = patience;
    }

    /** From now on each connection first sends {@code AUTH password} (for a node with {@code --requirepass-file}). */
    public ClusterClient withPassword(byte[] password) {
        this.password = password.clone();
        return this;
    }

    /** From now on every write runs in a session of this client, and is retried until it is answered (see above). */
    public ClusterClient withSession() {
        this.sessions = true;
        return this;
    }

    /** The id of this client's session, or 0 before its first write in one. */
    public long session() {
        return session;
    }

    /** Sends a command of text words and returns the reply. */
    public Reply call(String... words) throws IOException {
        return call(Arrays.stream(words).map(Bytes::of).toList());
    }

    /**
     * Sends a command to the leader, wherever it is, and returns its reply.
     *
     * @throws Unavailable if no node could be reached, or no leader was found, within the
     *     patience: the command was not run
     * @throws IOException if the connection broke with the command sent: its outcome is unknown
     */
    public Reply call(List<Bytes> args) throws IOException {
        if (!sessions || !writes(args)) {
            return send(args, System.nanoTime() + patience.toNanos());
        }
        long deadline = System.nanoTime() + patience.toNanos();
        if (session == 0) {
            Reply opened = send(List.of(Bytes.of("SESSION"), Bytes.of("OPEN")), deadline);
            if (!(opened instanceof Reply.Int id)) {
                throw new IOException("the cluster did not open a session: " + opened);
            }
            session = id.value();
        }
        var wrapped = new ArrayList<Bytes>(List.of(Bytes.of("SESSION"), Bytes.of(Long.toString(session)),
                Bytes.of(Long.toString(++seq))));
        wrapped.addAll(args);
        IOException broken = null;
        while (System.nanoTime() < deadline) {
            try {
                Reply reply = send(wrapped, deadline); // §6.3: the same number again is run once
                if (reply instanceof Reply.Error error && error.message().startsWith(KvNode.COVERED_BY_SNAPSHOT_ERROR)) {
                    // The node it went to stepped down and took the new leader's snapshot over the
                    // command's entry: the leader's session table knows its reply.
                    broken = new IOException(error.message());
                    disconnect();
                    target = null;
                    pause();
                    continue;
                }
                return reply;
            } catch (PasswordRefused | Unavailable e) {
                if (broken == null) {
                    throw e; // never sent: certainly not run
                }
                break;
            } catch (IOException e) {
                broken = e;
                pause();
            }
        }
        throw new IOException("no answer to command " + seq + " of session " + session + " within "
                + patience.toMillis() + " ms; it may or may not have run once (last error: "
                + (broken == null ? "none" : broken.getMessage()) + ")");
    }

    /** True unless {@code args} is a command that only reads, or none the cluster runs in a session. */
    private static boolean writes(List<Bytes> args) {
        try {
            KvCommand command = KvCommand.parse(args);
            return !(KvStateMachine.isRead(command) || command instanceof KvCommand.Ttl || command instanceof KvCommand.Ping
                    || command instanceof KvCommand.Quit || command instanceof KvCommand.FlushAll);
        } catch (InvalidCommandException e) {
            return false; // INFO, CLUSTER, a typo: the node answers it, or refuses it, as it is
        }
    }

    /** {@link #call} without a session, until {@code deadline}. */
    private Reply send(List<Bytes> args, long deadline) throws IOException {
        IOException unreachable = null;
        boolean answered = false;
        while (System.nanoTime() < deadline) {
            if (socket == null) {
                try {
                    connect();
                } catch (PasswordRefused e) {
                    throw e; // another node would refuse it too
                } catch (IOException e) {
                    unreachable = e;
                    target = null;
                    pause();
                    continue;
                }
            }
            Reply reply;
            try {
                out.writeCommand(args).flush();
                reply = in.readReply();
                if (reply == null) {
                    throw new IOException("the node closed the connection");
                }
            } catch (IOException e) {
                disconnect();
                target = null;
                throw e;
            }
            answered = true;
            if (reply instanceof Reply.Error error && error.message().startsWith("MOVED ")) {
                disconnect();
                target = ClusterFile.parse(error.message().substring(error.message().lastIndexOf(' ') + 1));
                continue;
            }
            if (reply instanceof Reply.Error error && error.message().startsWith("CLUSTERDOWN")) {
                disconnect();
                target = null;
                pause();
                continue;
            }
            return reply;
        }
        if (!answered && unreachable != null) {
            throw new Unavailable("no node answered at " + nodes.stream().map(ClusterFile::hostPort).toList() + " ("
                    + unreachable.getMessage() + "); is the cluster running? ./raftkv cluster starts one");
        }
        throw new Unavailable("no leader found within " + patience.toMillis() + " ms"
                + (unreachable == null ? "" : "; last error: " + unreachable.getMessage()));
    }

    /** A node said no to the password: the command was not run, and trying again will not help. */
    private static final class PasswordRefused extends IOException {
        private static final long serialVersionUID = 1L;

        PasswordRefused(String message) {
            super(message);
        }
    }

    /**
     * No leader could be reached within the patience: every node was down, or answered only that
     * it does not lead. The command certainly was not run.
     */
    public static final class Unavailable extends IOException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The node this client is talking to now, or null between connections. */
    public InetSocketAddress connectedTo() {
        return socket == null ? null : (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    private void connect() throws IOException {
        InetSocketAddress address = target != null ? target : nodes.get(next++ % nodes.size());
        var s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, 1000);
            s.setSoTimeout((int) Math.max(1000, patience.toMillis() * 4));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new RespReader(new BufferedInputStream(s.getInputStream()));
        out = new RespWriter(s.getOutputStream());
        if (password != null) {
            out.writeCommand(List.of(Bytes.of("AUTH"), Bytes.of(password))).flush();
            Reply answer = in.readReply();
            if (!Reply.simple("OK").equals(answer)) {
                disconnect();
                throw new PasswordRefused(address + " refused the password: " + answer);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do with it
            }
        }
        socket = null;
    }

    @Override
    public void close() {
        disconnect();
    }

    /** The nodes this client knows: those given, as {@code host:port}. */
    @Override
    public String toString() {
        var names = new ArrayList<String>();
        nodes.forEach(node -> names.add(ClusterFile.hostPort(node)));
        return "ClusterClient" + names;
    }
}
