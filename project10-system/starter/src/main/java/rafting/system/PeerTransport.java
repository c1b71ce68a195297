package rafting.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import rafting.replication.Message;

/**
 * Part 2: Raft messages between the nodes of one cluster, over TCP.
 *
 * <p>Each node keeps one outgoing connection to each peer (a {@link PeerLink}, with a thread of
 * its own) and accepts their connections to it (Project 1's {@code TcpServer}: a thread per
 * connection). Every connection carries messages one way, as the warmup's size-prefixed frames
 * (Project 1's {@code Frames}) holding {@link MessageCodec} messages. A connection opens with the
 * {@link PeerHandshake} (given whole: the connecting side calls {@code connect}, the accepting side
 * {@code accept}, each within {@link PeerHandshake#TIMEOUT_MILLIS}), which names the cluster, the
 * sender and the receiver and proves both hold the cluster's {@link ClusterKey}. Refuse,
 * with one log line (WARNING) and by closing the connection, without passing anything on:
 * a process without the key; a node of another cluster; a handshake for another node, or from a node that is not one of
 * this node's peers; anything that is not a handshake (a stray client on the peer port, random
 * bytes, a frame larger than a handshake can be); after the handshake, a frame that does not
 * decode, or a message whose sender or receiver is not the connection's. A refused connection
 * changes nothing: the next good message still arrives.
 *
 * <p>Sending never blocks the caller (the node's event loop): each link has a bounded queue, and
 * a message that does not fit is dropped and counted, as Raft allows (the leader retries on its
 * next heartbeat). While a peer is down its link reconnects with a backoff; a restarted peer is
 * reached again. Messages to one peer arrive in the order they were sent. Messages that arrive
 * together may be handed over together, one call of {@code inbound} per burst.
 */
public final class PeerTransport implements KvNode.Peers, Closeable {

    private PeerTransport() {
    }

    /**
     * Part 2: listens on {@code bind} and connects to every one of {@code peers} (id to peer
     * address, without this node); what arrives goes to {@code inbound}, called from the
     * connections' threads with one or more messages. Returns once the port is bound.
     */
    public static PeerTransport start(String clusterId, ClusterKey key, int id, InetSocketAddress bind,
            Map<Integer, InetSocketAddress> peers, Consumer<List<Message>> inbound) throws IOException {
        throw new UnsupportedOperationException("Part 2: listen and connect to the peers");
    }

    /**
     * Part 2: queues {@code message} for its receiver ({@code message.to()}); drops it, counted,
     * if that peer's queue is full. Never blocks.
     */
    public void send(Message message) {
        throw new UnsupportedOperationException("Part 2: queue a message for its peer");
    }

    /** Part 2: the port peers connect to. */
    public int port() {
        throw new UnsupportedOperationException("Part 2: the peer port");
    }

    /** Part 2: messages dropped so far because a peer's queue was full. */
    public long dropped() {
        throw new UnsupportedOperationException("Part 2: messages dropped");
    }

    /** Part 2: closes every link and the listening port; returns once their threads have ended. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 2: close links and port");
    }

    /** Part 2: for example {@code PeerTransport(n1 on 127.0.0.1:7101, peers [2, 3])}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: node, port and peers");
    }
}
