package rafting.system;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import rafting.replication.Message;

/**
 * The outgoing connection to one peer, with a thread of its own: it connects (again and again,
 * backing off from 20 ms to 1 s while the peer is down), proves the cluster's key and checks the
 * peer's ({@link PeerHandshake}), then writes
 * whatever is queued, every message waiting in one flush. The queue is bounded: a dead or slow
 * peer costs at most {@code capacity} messages of memory, and what does not fit is dropped.
 */
final class PeerLink implements Closeable {

    static final int DEFAULT_QUEUE = 4096;
    private static final long MIN_BACKOFF_MS = 20;
    private static final long MAX_BACKOFF_MS = 1000;
    private static final System.Logger LOG = System.getLogger(PeerLink.class.getName());

    private final int id;
    private final int peer;
    private final InetSocketAddress address;
    private final PeerHandshake handshake;
    private final BlockingQueue<Message> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final NodeTrace trace;
    private volatile boolean closed;
    private volatile Socket socket;

    PeerLink(int id, int peer, InetSocketAddress address, PeerHandshake handshake, int capacity) {
        this(id, peer, address, handshake, capacity, NodeTrace.off());
    }

    /** The same, writing down in {@code trace} the messages it drops and when the link goes down and comes up. */
    PeerLink(int id, int peer, InetSocketAddress address, PeerHandshake handshake, int capacity, NodeTrace trace) {
        this.id = id;
        this.trace = trace;
        this.peer = peer;
        this.address = address;
        this.handshake = handshake;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "n" + id + "-to-n" + peer);
        thread.setDaemon(true);
        thread.start();
    }

    void offer(Message message) {
        if (!queue.offer(message)) {
            dropped.incrementAndGet();
            trace.drop(message, "n" + id + "'s queue for n" + peer + " is full");
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        boolean wasDown = false;
        while (!closed) {
            try (Socket s = new Socket()) {
                socket = s;
                s.setTcpNoDelay(true);
                s.connect(address, 1000);
                var out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
                s.setSoTimeout(PeerHandshake.TIMEOUT_MILLIS);
                handshake.connect(s.getInputStream(), out, id, peer);
                PeerTransport.logConnected(id, peer, address);
                trace.step("link to n" + peer + " up");
                backoff = MIN_BACKOFF_MS;
                wasDown = false;
                pump(out);
            } catch (ProtocolException e) {
                if (!wasDown) {
                    LOG.log(WARNING, () -> "n" + id + " refused to send to n" + peer + " at " + address + ": " + e.getMessage());
                }
                wasDown = true;
            } catch (IOException e) {
                if (!wasDown) {
                    LOG.log(DEBUG, () -> "n" + id + " cannot reach n" + peer + " at " + address + ": " + e.getMessage());
                    trace.step("link to n" + peer + " down: " + e.getMessage());
                }
                wasDown = true;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException bug) {
                LOG.log(ERROR, "n" + id + " dropped its link to n" + peer + " after a bug; reconnecting", bug);
                wasDown = true;
            }
            if (!closed) {
                // While the peer is down, messages for it are stale by the time it is back.
                var stale = new ArrayList<Message>();
                queue.drainTo(stale);
                stale.forEach(message -> trace.drop(message, "n" + peer + " is unreachable"));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private void pump(BufferedOutputStream out) throws IOException, InterruptedException {
        List<Message> batch = new ArrayList<>();
        while (!closed) {
            Message first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            for (Message message : batch) {
                byte[] frame;
                try {
                    frame = MessageCodec.encode(message);
                } catch (IllegalArgumentException tooLarge) {
                    // A bug upstream (entries are bounded at propose, batches in bytes): drop it, keep the link.
                    LOG.log(ERROR, () -> "n" + id + " drops a message to n" + peer + ": " + tooLarge.getMessage());
                    continue;
                }
                PeerTransport.writeFrame(out, frame);
            }
            out.flush();
            batch.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
