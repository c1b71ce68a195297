package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;
import rafting.sim.history.CheckResult;
import rafting.sim.history.Command;
import rafting.sim.history.History;
import rafting.sim.history.LinearizabilityChecker;
import rafting.sim.history.Operation;

/**
 * Three node processes, started the way {@code ./raftkv node} starts them, while clients write
 * and read; nodes are killed with SIGKILL ({@code destroyForcibly}) and restarted from their
 * files; at the end the leader is frozen with SIGSTOP until another is elected, and woken. In a
 * second run the network between them fails instead (delay, loss, partitions one way and both,
 * through proxies), and in a third each node runs on a host of its own (a network namespace) whose
 * network the kernel breaks. Every
 * operation is recorded in a {@link History}; at the end every acknowledged write must
 * still be there, and the whole history, final reads included, must be linearizable.
 */
@Tag("part6")
class ProcessClusterTest {

    private static final int CLIENTS = 4;
    private static final int READER = CLIENTS + 1; // reads from each node in turn
    private static final int FREEZER = READER + 1; // writes while the leader is frozen; those after it read from it
    private static final int CHECKER = 0; // the client number of the final reads
    private static final List<String> SHARED_KEYS = List.of("x", "y", "z");
    /** Replies after which a command may or may not have taken effect: its operation stays open. */
    private static final List<String> UNKNOWN_OUTCOME = List.of("ERR this node is shutting down", "TIMEOUT",
            KvNode.COVERED_BY_SNAPSHOT_ERROR); // a deposed leader whose clients' entries a new leader's snapshot covered

    @TempDir
    Path dir;

    private final Map<Integer, Process> processes = new TreeMap<>();
    private final History history = new History();
    private final AtomicLong acknowledged = new AtomicLong();
    private final List<Throwable> failures = new ArrayList<>();
    private ClusterFile config;
    private final Map<Integer, Path> configFiles = new TreeMap<>();
    private final Map<Integer, List<String>> launchers = new TreeMap<>(); // e.g. ip netns exec ...
    /** How long a client waits for a leader; a read waits four times as long for a reply. */
    private Duration clientPatience = Duration.ofSeconds(20);

    @AfterEach
    void killEverything() throws InterruptedException {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
        for (Process process : processes.values()) {
            process.waitFor();
        }
    }

    private void start(int id) throws IOException {
        var command = new ArrayList<>(launchers.getOrDefault(id, List.of()));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RaftKv.class.getName(),
                "node", Integer.toString(id), "--config", configFiles.get(id).toString(),
                "--data", dir.resolve("node-" + id).toString(),
                // Snapshots every 50 entries: kill -9 lands in their writes, restarts and catch-ups go through them.
                "--snapshot-every", "50"));
        Path log = dir.resolve("node-" + id + ".log");
        processes.put(id, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    private void kill(int id) throws InterruptedException {
        Process process = processes.remove(id);
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing
        process.waitFor();
    }

    private void failed(Thread thread, Throwable failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    private void signal(int id, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(processes.get(id).pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s n%s", signal, id).isZero();
    }

    private int leader() {
        for (int id : config.nodes().keySet()) {
            Map<String, String> info = RaftKv.info(config.addresses(id).client());
            if (info != null && "leader".equals(info.get("role"))) {
                return id;
            }
        }
        return 0;
    }

    private void awaitMoreAcknowledged(long more) throws InterruptedException {
        long target = acknowledged.get() + more;
        TestCluster.await(more + " more acknowledged operations", () -> acknowledged.get() >= target);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void historyIsLinearizableThroughKillMinusNineRestartsAndAFrozenLeader() throws Exception {
        config = TestCluster.config("process-test", 3);
        Path configFile = dir.resolve("cluster.properties");
        Files.writeString(configFile, config.toFileText());
        for (int id = 1; id <= 3; id++) {
            configFiles.put(id, configFile);
            start(id);
        }
        TestCluster.await("a leader", () -> leader() != 0);
        Thread[] clients = startClients();
        try {
            var random = new Random(2026);
            awaitMoreAcknowledged(150);
            for (int round = 0; round < 3; round++) {
                int victim = round == 1 ? TestCluster.awaitValue(this::leader) : 1 + random.nextInt(3);
                kill(victim);
                awaitMoreAcknowledged(150);
                start(victim);
                awaitMoreAcknowledged(150);
            }
            freezeTheLeaderAndReadFromIt();
            awaitMoreAcknowledged(150);
        } finally {
            stopClients(clients);
        }
        checkTheEnd(1050);
        for (int id = 1; id <= 3; id++) {
            assertThat(dir.resolve("node-" + id).resolve("snapshot")).as("n%d took or installed snapshots", id).exists();
        }
    }

    /**
     * The network between the node processes fails: messages are delayed and lost, the leader is
     * cut off from everyone, then can still hear but no longer be heard (a one-way partition), and
     * each time the cluster heals. Here the faults come from {@link PeerProxies}, a proxy on each
     * one-way path between peers; this machine's kernel has no {@code netem} for network
     * namespaces to do it (said on the test's output).
     */
    @Test
    @Tag("heavy") // mvn -Pheavy, and .ci/run
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void historyIsLinearizableThroughPartitionsOneWayCutsDelayAndLoss() throws Exception {
        System.out.println("ProcessClusterTest: network faults from a fault-injecting proxy between peers"
                + " (no netem in this kernel for network namespaces)");
        config = TestCluster.config("partition-test", 3);
        try (var proxies = new PeerProxies(config)) {
            for (int id = 1; id <= 3; id++) {
                Path file = dir.resolve("cluster-as-seen-by-" + id + ".properties");
                Files.writeString(file, proxies.clusterFileOf(id).toFileText());
                configFiles.put(id, file);
                start(id);
            }
            throughNetworkFaults(proxies);
        }
    }

    /**
     * The nodes on hosts of their own: one network namespace each, on addresses that exist only
     * inside this test, all on the same ports, as on three machines. The faults are the kernel's:
     * 10 % of all packets lost, the leader's cable pulled, then a firewall in the leader's
     * namespace dropping what it sends to its peers (a one-way partition). Needs root, {@code ip}
     * and {@code nft}: skipped where they are missing, except under CI, where .ci/run installs them.
     */
    @Test
    @Tag("heavy") // mvn -Pheavy, and .ci/run
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void historyIsLinearizableWithEachNodeOnAHostOfItsOwn_throughLossAndPartitions() throws Exception {
        String missing = NetworkNamespaces.missing();
        if (System.getenv("CI") == null) {
            org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, "needs " + missing);
        }
        assertThat(missing).as("what the namespaces need (.ci/run installs it)").isNull();
        try (var hosts = new NetworkNamespaces(3)) {
            var nodes = new TreeMap<Integer, ClusterFile.Addresses>();
            for (int id = 1; id <= 3; id++) {
                nodes.put(id, hosts.addresses(id));
            }
            config = new ClusterFile("hosts-test", nodes);
            Path configFile = dir.resolve("cluster.properties");
            Files.writeString(configFile, config.toFileText());
            System.out.println("ProcessClusterTest: nodes on " + config.nodes().values() + ", each in a network namespace"
                    + (hosts.canDelay() ? "" : "; no delay (this kernel has no netem): the proxy test delays messages"));
            clientPatience = Duration.ofSeconds(2); // a pulled cable stalls a connection: give up on it soon
            for (int id = 1; id <= 3; id++) {
                configFiles.put(id, configFile);
                launchers.put(id, hosts.inside(id));
                start(id);
            }
            try {
                throughNetworkFaults(hosts);
            } finally {
                killEverything(); // before their namespaces go
                processes.clear();
            }
        }
    }

    /**
     * With clients running: the network degraded, then the leader isolated, then the next leader
     * unheard by its followers (it still hears them), healing after each; every time a new leader
     * must be elected and 150 more operations acknowledged. Then {@link #checkTheEnd}.
     */
    private void throughNetworkFaults(NetworkFaults network) throws Exception {
        TestCluster.await("a leader", () -> leader() != 0);
        Thread[] clients = startClients();
        try {
            awaitMoreAcknowledged(150);
            network.degrade();
            awaitMoreAcknowledged(150);
            network.heal();

            int isolated = TestCluster.awaitValue(this::leader);
            network.isolate(isolated);
            TestCluster.await("a leader other than the isolated n" + isolated,
                    () -> leader() != 0 && leader() != isolated);
            awaitMoreAcknowledged(150);
            network.heal();
            awaitMoreAcknowledged(150);

            int unheard = TestCluster.awaitValue(this::leader);
            network.cutOutgoing(unheard, java.util.stream.IntStream.rangeClosed(1, 3).filter(id -> id != unheard).toArray());
            TestCluster.await("a leader other than the unheard n" + unheard,
                    () -> leader() != 0 && leader() != unheard);
            awaitMoreAcknowledged(150);
            network.heal();
            awaitMoreAcknowledged(150);
        } finally {
            stopClients(clients);
        }
        checkTheEnd(900);
    }

    private Thread[] startClients() {
        var stop = new AtomicBoolean();
        var threads = new ArrayList<Thread>();
        for (int c = 1; c <= READER; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                if (client == READER) {
                    runReader(stop);
                } else {
                    runClient(client, stop);
                }
            }, "client-" + c);
            thread.setUncaughtExceptionHandler(this::failed);
            threads.add(thread);
            thread.start();
        }
        clientsStop = stop;
        return threads.toArray(Thread[]::new);
    }

    private AtomicBoolean clientsStop;

    private void stopClients(Thread[] threads) throws InterruptedException {
        clientsStop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    /** No client failed, and every acknowledged write is there, and the whole history is linearizable. */
    private void checkTheEnd(long atLeastAcknowledged) throws IOException {
        Path file = saveHistory();
        synchronized (failures) {
            assertThat(failures).as("client failures; the history is in %s", file).isEmpty();
        }
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(atLeastAcknowledged);

        try (var client = new ClusterClient(RaftKv.clientAddresses(config), Duration.ofSeconds(20))) {
            assertEveryAcknowledgedWriteIsThere(client, file);
            for (String key : SHARED_KEYS) {
                call(client, CHECKER, Command.get(key));
            }
        }
        saveHistory();
        List<Operation> operations = history.operations();
        CheckResult result = LinearizabilityChecker.check(operations);
        assertThat(result.outcome()).as("the linearizability checker on the %s operations in %s: %s",
                operations.size(), file, result).isEqualTo(CheckResult.Outcome.LINEARIZABLE);
    }

    /** Writes the history so far to {@code target/process-cluster-history.txt}, one operation a line. */
    private Path saveHistory() throws IOException {
        Path file = Path.of("target", "process-cluster-history.txt").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, history.operations().stream().map(Operation::toString).toList());
        return file;
    }

    /**
     * The leader is frozen (SIGSTOP, like a long pause) until the others elect a new one, which
     * takes a write; then clients ask the frozen node to read that key, and it is woken. It believes
     * it still leads until it hears otherwise, so it must not answer from its own store.
     */
    private void freezeTheLeaderAndReadFromIt() throws Exception {
        int frozen = TestCluster.awaitValue(this::leader);
        var others = new ArrayList<>(RaftKv.clientAddresses(config));
        others.remove(config.addresses(frozen).client());
        var connected = new ArrayList<ClusterClient>(); // connected before the freeze, so the node reads them at once on waking
        for (int r = 0; r < 3; r++) {
            connected.add(new ClusterClient(List.of(config.addresses(frozen).client()), Duration.ofSeconds(20)));
            connected.get(r).call("PING");
        }
        var readers = new ArrayList<Thread>();
        signal(frozen, "STOP");
        try {
            TestCluster.await("a leader other than the frozen n" + frozen, () -> leader() != 0 && leader() != frozen);
            try (var kv = new ClusterClient(others, Duration.ofSeconds(20))) {
                assertThat(call(kv, FREEZER, Command.set("x", "after-freeze"))).isEqualTo(Reply.simple("OK"));
            }
            for (ClusterClient kv : connected) {
                int client = FREEZER + 1 + readers.size();
                Thread reader = new Thread(() -> call(kv, client, Command.get("x")), "stale-reader-" + client);
                reader.setUncaughtExceptionHandler(this::failed);
                readers.add(reader);
                reader.start();
            }
        } finally {
            signal(frozen, "CONT");
            for (Thread reader : readers) {
                reader.join(30_000);
            }
            connected.forEach(ClusterClient::close);
        }
    }

    /** A client: fresh keys written once (which must all survive) and reads, writes and CAS on shared keys. */
    private void runClient(int client, AtomicBoolean stop) {
        var random = new Random(client);
        int n = 0;
        try (var kv = new ClusterClient(RaftKv.clientAddresses(config), clientPatience)) {
            while (!stop.get()) {
                n++;
                String value = "c" + client + "-" + n;
                String shared = SHARED_KEYS.get(random.nextInt(SHARED_KEYS.size()));
                call(kv, client, switch (random.nextInt(4)) {
                    case 0 -> Command.set("own:" + value, value);
                    case 1 -> Command.set(shared, value);
                    case 2 -> Command.get(shared);
                    default -> Command.cas(shared, "c" + (1 + random.nextInt(CLIENTS)) + "-" + (n - 1), value);
                });
            }
        }
    }

    /**
     * A reader that asks each node in turn, on a new connection each time: a node that is not the
     * leader must redirect it (or read through the log itself), never answer from its own store,
     * which may lag behind the leader's.
     */
    private void runReader(AtomicBoolean stop) {
        var random = new Random(READER);
        List<InetSocketAddress> nodes = RaftKv.clientAddresses(config);
        for (int n = 0; !stop.get(); n++) {
            try (var kv = new ClusterClient(List.of(nodes.get(n % nodes.size())), clientPatience)) {
                call(kv, READER, Command.get(SHARED_KEYS.get(random.nextInt(SHARED_KEYS.size()))));
            }
        }
    }

    /**
     * Sends {@code command} and records it: with its reply, or open when its outcome is unknown (a
     * broken connection, a node shutting down, a timeout), or not at all when it certainly did not
     * take effect ({@code -ERR lost}; the client itself retries after {@code -MOVED} and
     * {@code -CLUSTERDOWN}, which come before anything is appended). Returns the reply, or null.
     */
    private Reply call(ClusterClient kv, int client, Command command) {
        History.Call call = history.invoke(client, command);
        Reply reply;
        try {
            reply = kv.call(words(command));
        } catch (IOException e) {
            return null; // open
        }
        if (reply instanceof Reply.Error error) {
            if (error.message().startsWith("ERR lost")) {
                call.discard();
            } else if (UNKNOWN_OUTCOME.stream().noneMatch(error.message()::startsWith)) {
                throw new AssertionError(command + " got an error no client should see: " + error);
            }
            return null;
        }
        call.returned(SimulatedClient.historyReply(reply));
        acknowledged.incrementAndGet();
        return reply;
    }

    private static String[] words(Command command) {
        return command.toString().split(" "); // the history's commands are written as a client types them
    }

    /** Every acknowledged SET of a fresh key is still there, with its value (the reads join the history). */
    private void assertEveryAcknowledgedWriteIsThere(ClusterClient client, Path file) {
        for (Operation op : history.operations()) {
            if (op.command().key().startsWith("own:") && !op.isOpen() && op.client() != CHECKER) {
                Reply now = call(client, CHECKER, Command.get(op.command().key()));
                assertThat(now).as("the acknowledged %s, read back at the end (history in %s)", op, file).isEqualTo(Reply.bulk(op.command().value()));
            }
        }
    }
}
