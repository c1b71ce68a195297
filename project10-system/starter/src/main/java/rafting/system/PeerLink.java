package rafting.system;

import java.io.Closeable;
import java.net.InetSocketAddress;
import rafting.replication.Message;

/**
 * Part 2: the outgoing connection from node {@code id} to one peer, with a thread of its own: it
 * connects (again and again, backing off, for example from 20 ms to 1 s, while the peer is down),
 * sends the handshake, then writes whatever is queued, every message waiting in one flush. The
 * queue is bounded: a dead or slow peer costs at most {@code capacity} messages of memory, and
 * what does not fit is dropped and counted. Messages queued while the peer was down are stale by
 * the time it is back and may be dropped.
 */
final class PeerLink implements Closeable {

    /** The queue's capacity in {@link PeerTransport#start}; the tests send ten times as many to a dead peer. */
    static final int DEFAULT_QUEUE = 4096;

    /**
     * Part 2: starts the link's thread, which connects to {@code address}, runs
     * {@code handshake.connect} (a refusal is a WARNING, then the link tries again later), and then
     * sends what is queued.
     */
    PeerLink(int id, int peer, InetSocketAddress address, PeerHandshake handshake, int capacity) {
        throw new UnsupportedOperationException("Part 2: a link with a bounded queue and a thread");
    }

    /** Part 2: queues {@code message}, or drops and counts it when the queue is full; never blocks. */
    void offer(Message message) {
        throw new UnsupportedOperationException("Part 2: queue or drop");
    }

    /** Part 2: messages dropped so far. */
    long dropped() {
        throw new UnsupportedOperationException("Part 2: messages dropped");
    }

    /** Part 2: closes the connection and ends the thread. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 2: close the link");
    }
}
