package rafting.system;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import rafting.kv.Frames;
import rafting.kv.TcpServer;
import rafting.replication.Message;

/**
 * Raft messages between the nodes of one cluster, over TCP.
 *
 * <p>Each node keeps one outgoing connection to each peer (a {@link PeerLink}) and accepts their
 * connections to it; every connection carries messages one way, as size-prefixed frames
 * ({@link Frames}) holding {@link MessageCodec} messages. A connection opens with a
 * {@link PeerHandshake}: it names the cluster, the sender and the receiver, and each side proves
 * that it holds the cluster's {@link ClusterKey}. A node from another cluster, a process without
 * the key, a message for another node, or anything that is not a handshake (a stray client on the
 * peer port) is refused with one log line and the connection is closed, before any Raft message
 * is read.
 *
 * <p>Sending never blocks the caller: each link has a bounded queue, and a message that does not
 * fit is dropped, as Raft allows (the leader retries on its next heartbeat). Messages that arrive
 * together are handed over together, one call of {@code inbound} per burst.
 */
public final class PeerTransport implements KvNode.Peers, Closeable {

    static final int MAX_FRAME = 64 << 20;
    private static final int MAX_BURST = 1024;
    private static final System.Logger LOG = System.getLogger(PeerTransport.class.getName());

    private final PeerHandshake handshake;
    private final int id;
    private final Set<Integer> peerIds;
    private final Consumer<List<Message>> inbound;
    private final TcpServer server;
    private final Map<Integer, PeerLink> links = new TreeMap<>();

    private PeerTransport(String clusterId, ClusterKey key, int id, InetSocketAddress bind,
            Map<Integer, InetSocketAddress> peers, int queueCapacity, Consumer<List<Message>> inbound, NodeTrace trace)
            throws IOException {
        this.handshake = new PeerHandshake(clusterId, key);
        this.id = id;
        this.inbound = inbound;
        this.peerIds = Set.copyOf(peers.keySet()); // before the server starts: its threads read it
        // A few connections per peer (one live, some closing after a reconnect); strangers are cut
        // off by the handshake's timeout. No idle timeout: a link between followers is quiet for
        // as long as their leader lives, and must be up at once when an election starts.
        this.server = TcpServer.start("n" + id + "-peers", bind, this::serve,
                new TcpServer.Bounds(4 * (peers.size() + 1), Duration.ZERO, new byte[0]));
        peers.forEach((peer, address) -> links.put(peer, new PeerLink(id, peer, address, handshake, queueCapacity, trace)));
    }

    /**
     * Listens on {@code bind} and connects to every one of {@code peers}; what arrives goes to
     * {@code inbound}, called from the connections' threads.
     */
    public static PeerTransport start(String clusterId, ClusterKey key, int id, InetSocketAddress bind,
            Map<Integer, InetSocketAddress> peers, Consumer<List<Message>> inbound) throws IOException {
        return start(clusterId, key, id, bind, peers, inbound, NodeTrace.off());
    }

    /** The same, writing down in {@code trace} the messages its links drop and when they go down and up. */
    static PeerTransport start(String clusterId, ClusterKey key, int id, InetSocketAddress bind,
            Map<Integer, InetSocketAddress> peers, Consumer<List<Message>> inbound, NodeTrace trace) throws IOException {
        return new PeerTransport(clusterId, key, id, bind, peers, PeerLink.DEFAULT_QUEUE, inbound, trace);
    }

    /** Queues {@code message} for its receiver; drops it if that peer's queue is full. */
    public void send(Message message) {
        PeerLink link = links.get(message.to());
        if (link == null) {
            LOG.log(WARNING, () -> "n" + id + " has no peer " + message.to() + " to send " + message);
            return;
        }
        link.offer(message);
    }

    /** The port peers connect to. */
    public int port() {
        return server.port();
    }

    /** Messages dropped so far because a peer's queue was full. */
    public long dropped() {
        return links.values().stream().mapToLong(PeerLink::dropped).sum();
    }

    @Override
    public void close() {
        links.values().forEach(PeerLink::close);
        server.close();
    }

    /** Writes one size-prefixed frame into a buffered stream, without flushing. */
    static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        int n = payload.length;
        out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.write(payload);
    }

    /** One incoming connection: a handshake, then messages from that one peer until it hangs up. */
    private void serve(Socket socket) throws IOException {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        int peer;
        try {
            socket.setSoTimeout(PeerHandshake.TIMEOUT_MILLIS);
            peer = handshake.accept(in, socket.getOutputStream(), id, peerIds);
            socket.setSoTimeout(0);
        } catch (IOException e) {
            LOG.log(WARNING, () -> "n" + id + " refused a peer connection from " + remote + ": " + e.getMessage());
            return;
        }
        LOG.log(DEBUG, () -> "n" + id + " accepted n" + peer + " from " + remote);
        while (true) {
            var burst = new ArrayList<Message>();
            try {
                do {
                    byte[] frame = Frames.read(in, MAX_FRAME);
                    if (frame == null) {
                        break;
                    }
                    Message message = MessageCodec.decode(frame);
                    if (message.from() != peer || message.to() != id) {
                        throw new ProtocolException("a message " + message + " on the connection from n" + peer);
                    }
                    burst.add(message);
                } while (in.available() > 0 && burst.size() < MAX_BURST);
            } catch (ProtocolException e) {
                LOG.log(WARNING, () -> "n" + id + " dropped its connection from n" + peer + ": " + e.getMessage());
                deliver(burst);
                return;
            }
            if (burst.isEmpty()) {
                return; // the peer closed the connection
            }
            deliver(burst);
        }
    }

    private void deliver(List<Message> burst) {
        if (!burst.isEmpty()) {
            inbound.accept(burst);
        }
    }

    @Override
    public String toString() {
        return "PeerTransport(n" + id + " on " + server.hostAndPort() + ", peers " + links.keySet() + ")";
    }

    static void logConnected(int id, int peer, InetSocketAddress address) {
        LOG.log(INFO, () -> "n" + id + " connected to n" + peer + " at " + ClusterFile.hostPort(address));
    }
}
