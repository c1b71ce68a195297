package rafting.system;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import rafting.kv.Frames;

/**
 * A fault-injecting proxy on every one-way path between the peers of a cluster: node i reaches
 * node j's peer port only through the proxy of (i, j), which can cut that path (one way: j still
 * reaches i), hold every chunk for a delay, and lose whole messages. The connection from i to j
 * carries i's messages to j, so losing one of its frames is losing one message; the first two
 * frames of a connection (i's half of the handshake) always pass.
 *
 * <p>This stands in for network namespaces with {@code tc netem} where the kernel has no netem.
 * Each node gets a cluster file of its own ({@link #clusterFileOf}) naming the proxies as its
 * peers' addresses.
 */
final class PeerProxies implements NetworkFaults, Closeable {

    private record Path(int from, int to) {
    }

    private final ClusterFile cluster;
    private final Map<Path, ServerSocket> listeners = new TreeMap<>((a, b) ->
            a.from != b.from ? Integer.compare(a.from, b.from) : Integer.compare(a.to, b.to));
    private final Set<Path> cut = ConcurrentHashMap.newKeySet();
    private final Map<Socket, Path> open = new ConcurrentHashMap<>();
    private final Random random = new Random(14);
    private volatile long delayMillis;
    private volatile double loss;
    private volatile boolean closed;

    PeerProxies(ClusterFile cluster) throws IOException {
        this.cluster = cluster;
        for (int from : cluster.nodes().keySet()) {
            for (int to : cluster.nodes().keySet()) {
                if (from != to) {
                    var path = new Path(from, to);
                    var listener = new ServerSocket();
                    listener.bind(TestCluster.freeAddress());
                    listeners.put(path, listener);
                    daemon("proxy-" + from + "-" + to, () -> accept(path, listener));
                }
            }
        }
    }

    /** The cluster as node {@code id} must see it: its own addresses, and the proxies for its peers'. */
    ClusterFile clusterFileOf(int id) {
        var nodes = new TreeMap<Integer, ClusterFile.Addresses>();
        cluster.nodes().forEach((node, addresses) -> nodes.put(node, node == id ? addresses
                : new ClusterFile.Addresses(addresses.client(), (InetSocketAddress) listeners.get(new Path(id, node))
                        .getLocalSocketAddress())));
        return new ClusterFile(cluster.clusterId(), nodes);
    }

    /** From now on nothing of {@code from}'s reaches {@code to}; {@code to}'s still reach {@code from}. */
    private void cut(int from, int to) {
        var path = new Path(from, to);
        cut.add(path);
        open.forEach((socket, on) -> {
            if (on.equals(path)) {
                closeQuietly(socket);
            }
        });
    }

    @Override
    public void cutOutgoing(int node, int... peers) {
        for (int peer : peers) {
            cut(node, peer);
        }
    }

    @Override
    public void isolate(int node) {
        for (int other : cluster.nodes().keySet()) {
            if (other != node) {
                cut(node, other);
                cut(other, node);
            }
        }
    }

    /** Every path carries messages again, with no delay and no loss. */
    @Override
    public void heal() {
        cut.clear();
        delayMillis = 0;
        loss = 0;
    }

    /** Every message waits 20 ms on its way, and one in ten is lost. */
    @Override
    public void degrade() {
        delayMillis = 20;
        loss = 0.1;
    }

    private void accept(Path path, ServerSocket listener) {
        while (!closed) {
            Socket in;
            try {
                in = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut.contains(path)) {
                closeQuietly(in);
                continue;
            }
            daemon("proxy-conn-" + path.from + "-" + path.to, () -> relay(path, in));
        }
    }

    private void relay(Path path, Socket in) {
        try (in; var out = new Socket()) {
            out.connect(cluster.addresses(path.to).peer(), 1000);
            open.put(in, path);
            open.put(out, path);
            // The acceptor's answers (its half of the handshake) go back untouched.
            daemon("proxy-back-" + path.to + "-" + path.from, () -> copy(out, in));
            forwardFrames(in.getInputStream(), out.getOutputStream());
        } catch (IOException e) {
            // a cut, or either end hung up: the node reconnects as it would after any network fault
        } finally {
            open.values().removeIf(path::equals);
        }
    }

    /** A frame on its way, and when it may arrive. */
    private record InFlight(long dueNanos, byte[] payload) {
    }

    private static final InFlight END = new InFlight(0, null);
    private static final int MAX_FRAME = 64 << 20; // the node's own limit

    /**
     * Copies frames, each one {@code delayMillis} after it came (a delay line: frames in flight
     * overlap, as on a network), losing some after the first two.
     */
    private void forwardFrames(InputStream from, OutputStream to) throws IOException {
        var line = new LinkedBlockingQueue<InFlight>(10_000);
        Thread writer = new Thread(() -> deliver(line, to), "proxy-line");
        writer.setDaemon(true);
        writer.start();
        var in = new DataInputStream(from);
        try {
            for (int frame = 0; !closed && writer.isAlive(); frame++) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    return;
                }
                if (length < 0 || length > MAX_FRAME) {
                    throw new IOException("not a frame: " + length);
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                boolean lost;
                synchronized (random) {
                    lost = frame >= 2 && random.nextDouble() < loss;
                }
                if (!lost && !line.offer(new InFlight(System.nanoTime() + delayMillis * 1_000_000, payload))) {
                    return; // the far end stopped reading: drop the connection
                }
            }
        } finally {
            line.clear();
            line.offer(END);
        }
    }

    private static void deliver(LinkedBlockingQueue<InFlight> line, OutputStream to) {
        try {
            while (true) {
                InFlight next = line.take();
                if (next == END) {
                    return;
                }
                long wait = next.dueNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the network's delay
                }
                Frames.write(to, next.payload);
            }
        } catch (IOException | InterruptedException e) {
            // the connection ended
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        listeners.values().forEach(PeerProxies::closeQuietly);
        open.keySet().forEach(PeerProxies::closeQuietly);
    }
}
