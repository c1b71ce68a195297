package rafting.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import rafting.election.Role;
import rafting.election.Settings;

/** Nodes of one cluster in this JVM, on probed-free loopback ports, with data in {@code dir}. */
final class TestCluster implements AutoCloseable {

    final ClusterFile config;
    final Path dir;
    final Map<Integer, KvNode> running = new TreeMap<>();
    private final Settings raft;
    private final Path trace;

    TestCluster(int size, Path dir) throws IOException {
        this(size, dir, KvNode.DEFAULT_RAFT);
    }

    /** The same, every node configured by {@code raft}. */
    TestCluster(int size, Path dir, Settings raft) throws IOException {
        this(size, dir, raft, null);
    }

    /** The same, every node writing its trace into {@code trace} ({@code --trace DIR}), or none if null. */
    TestCluster(int size, Path dir, Settings raft, Path trace) throws IOException {
        this.dir = dir;
        this.raft = raft;
        this.trace = trace;
        this.config = config("test-" + System.nanoTime(), size);
        for (int id = 1; id <= size; id++) {
            start(id);
        }
    }

    /** A cluster of {@code size} nodes on ports free right now. */
    static ClusterFile config(String clusterId, int size) throws IOException {
        var nodes = new TreeMap<Integer, ClusterFile.Addresses>();
        for (int id = 1; id <= size; id++) {
            nodes.put(id, new ClusterFile.Addresses(freeAddress(), freeAddress()));
        }
        return new ClusterFile(clusterId, nodes);
    }

    /** The next port to try: each is handed out once in this JVM, so no two nodes, not even one after another, share one. */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(20_000 + ThreadLocalRandom.current().nextInt(6_000));

    /**
     * A loopback address free right now, below Linux's ephemeral ports (32768 and up): a port the
     * system hands out could be taken by another node's outgoing connection while its own node is
     * down, and the node could not listen there again when it restarts.
     */
    static InetSocketAddress freeAddress() throws IOException {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = NEXT_PORT.getAndIncrement();
            if (port >= 32_000) {
                break;
            }
            try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return new InetSocketAddress("127.0.0.1", port);
            } catch (IOException inUse) {
                // try the next one
            }
        }
        throw new IOException("no free loopback port below 32000");
    }

    KvNode start(int id) throws IOException {
        Path data = dir.resolve("node-" + id);
        KvNode node = KvNode.start(id, config, data, KvNode.defaultKeyFile(data), KvNode.DEFAULT_TICK, raft, null, trace);
        running.put(id, node);
        return node;
    }

    void stop(int id) {
        running.remove(id).close();
    }

    ClusterClient client() {
        return new ClusterClient(config.nodes().values().stream().map(ClusterFile.Addresses::client).toList());
    }

    /** A client of one node only, which it never leaves. */
    ClusterClient clientOf(int id) {
        return new ClusterClient(List.of(config.addresses(id).client()), Duration.ofSeconds(10));
    }

    Optional<KvNode> leader() {
        var leaders = new ArrayList<KvNode>();
        for (KvNode node : running.values()) {
            if (node.state().role() == Role.LEADER) {
                leaders.add(node);
            }
        }
        // Two leaders can coexist for a moment in different terms; the newest counts.
        return leaders.stream().max((a, b) -> Long.compare(a.state().term(), b.state().term()));
    }

    KvNode awaitLeader() throws InterruptedException {
        await("a leader", () -> leader().isPresent());
        return leader().orElseThrow();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(20), condition);
    }

    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(10); // polling a condition, with a deadline
        }
    }

    /** Waits until {@code value} gives something other than 0, and returns it. */
    static int awaitValue(java.util.function.IntSupplier value) throws InterruptedException {
        int[] seen = new int[1];
        await("a value", () -> (seen[0] = value.getAsInt()) != 0);
        return seen[0];
    }

    @Override
    public void close() {
        for (KvNode node : running.values()) {
            node.close();
        }
        running.clear();
    }
}
