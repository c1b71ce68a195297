package rafting.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import rafting.election.MemoryDisk;
import rafting.election.NodeKey;
import rafting.election.Snapshot;
import rafting.election.Settings;
import rafting.election.TermVote;
import rafting.events.EventLoop;
import rafting.events.ManualClock;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.replication.Message;
import rafting.sim.ClusterView;
import rafting.sim.RaftInvariants;
import rafting.sim.history.CheckResult;
import rafting.sim.history.History;
import rafting.sim.history.LinearizabilityChecker;

/**
 * Three real {@link KvNode}s, the class {@code ./raftkv node} runs, with their event loops,
 * group commit, client command handling and pending replies, over a {@link SimulatedNetwork} and
 * {@link SimulatedDisk}s, in simulated milliseconds driven by hand from one seed. For
 * {@link #FAULT_MILLIS} the run crashes nodes (losing what they had not synced), restarts them,
 * cuts links one way, both ways or around one node, and loses, repeats and delays messages, while
 * {@link SimulatedClient}s write, read and compare-and-set. Then every fault stops, and within
 * {@link #HEALED_MILLIS} every client must get answers again. The whole history must be
 * linearizable, and every 50 ms, and at the end, the cluster must keep the safety properties of
 * Project 9's {@link RaftInvariants}, the same ones the simulator and the explorer check.
 *
 * <pre>{@code
 * KvNodeSimulation.Outcome outcome = KvNodeSimulation.run(42, KvNode.DEFAULT_RAFT);
 * }</pre>
 */
final class KvNodeSimulation {

    static final int NODES = 3;
    static final int CLIENTS = 3;
    static final long FAULT_MILLIS = 4_000;
    static final long HEALED_MILLIS = 4_000;
    static final int ANSWERS_AFTER_HEAL = 3;
    static final long CHECK_EVERY_MILLIS = 50;
    private static final long EPOCH_MILLIS = 1_700_000_000_000L; // the wall clock the leader stamps entries with

    /** How a run ended: {@code problem} is null when it passed, {@code unknown} when the checker gave up. */
    record Outcome(long seed, String problem, boolean unknown, int operations, int crashes, long millis) {
        boolean passed() {
            return problem == null && !unknown;
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + (problem != null ? "FAILED: " + problem : unknown ? "UNKNOWN (the checker gave up)" : "passed")
                    + " (" + operations + " operations, " + crashes + " crashes, " + millis + " ms simulated)";
        }
    }

    /** One life of a node: it ends with a crash, and its loop is never run again. */
    private record Life(KvNode node, EventLoop loop) {
    }

    private final long seed;
    private final Settings raft;
    private final SplittableRandom random;
    private final ClusterFile cluster = ClusterFile.local(NODES);
    private final SimulatedNetwork network;
    private final MemoryDisk[] disks = new MemoryDisk[NODES + 1];
    private final Life[] lives = new Life[NODES + 1];
    private final History history = new History();
    private final List<SimulatedClient> clients = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final SortedMap<Long, Integer> leaders = new TreeMap<>();
    private final SortedMap<Long, ClusterView.Committed> committed = new TreeMap<>();
    private final int[] incarnations = new int[NODES + 1];
    private ClusterView.Snapshot checked; // the cluster as last checked
    private long now;
    private int crashes;

    private KvNodeSimulation(long seed, Settings raft) {
        this.seed = seed;
        this.raft = raft;
        this.random = new SplittableRandom(seed);
        this.network = new SimulatedNetwork(NODES, random.split());
        for (int id = 1; id <= NODES; id++) {
            disks[id] = new MemoryDisk();
            boot(id);
        }
        for (int id = 1; id <= CLIENTS; id++) {
            clients.add(new SimulatedClient(id, cluster, history, random.split(), problems));
        }
    }

    /** Runs seed {@code seed} to its end. */
    static Outcome run(long seed, Settings raft) {
        return new KvNodeSimulation(seed, raft).run();
    }

    private Outcome run() {
        network.losses(0.03, 0.02);
        while (now < FAULT_MILLIS && problems.isEmpty()) {
            injectFaults();
            step();
        }
        network.losses(0, 0);
        network.heal();
        for (int id = 1; id <= NODES; id++) {
            if (lives[id] == null) {
                boot(id);
            }
        }
        int[] before = clients.stream().mapToInt(SimulatedClient::acknowledged).toArray();
        long healed = now;
        while (problems.isEmpty() && !answeredSince(before)) {
            if (now - healed >= HEALED_MILLIS) {
                problems.add("no progress: " + HEALED_MILLIS + " ms after every fault stopped, some client still had fewer than "
                        + ANSWERS_AFTER_HEAL + " answers (" + states() + ")");
                break;
            }
            step();
        }
        checkSafety();
        boolean unknown = false;
        if (problems.isEmpty()) {
            CheckResult result = LinearizabilityChecker.check(history.operations());
            if (result.outcome() == CheckResult.Outcome.UNKNOWN) {
                unknown = true;
            } else if (!result.isLinearizable()) {
                problems.add("the clients' history is not linearizable: " + result);
            }
        }
        return new Outcome(seed, problems.isEmpty() ? null : problems.get(0), unknown, history.operations().size(),
                crashes, now);
    }

    private boolean answeredSince(int[] before) {
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i).acknowledged() - before[i] < ANSWERS_AFTER_HEAL) {
                return false;
            }
        }
        return true;
    }

    /** One simulated millisecond: messages arrive, clients act, then each running node's loop runs. */
    private void step() {
        now++;
        Map<Integer, List<Message>> arrived = network.arrive(now, id -> lives[id] != null);
        arrived.forEach((id, burst) -> lives[id].node().deliver(burst));
        for (SimulatedClient client : clients) {
            client.act(now, id -> lives[id] == null ? null : lives[id].node());
        }
        int first = 1 + random.nextInt(NODES); // which loop runs first changes who hears what first
        for (int i = 0; i < NODES; i++) {
            int id = 1 + (first - 1 + i) % NODES;
            if (lives[id] != null) {
                lives[id].loop().advance(Duration.ofMillis(1));
            }
        }
        if (now % CHECK_EVERY_MILLIS == 0) {
            checkSafety();
        }
    }

    private void injectFaults() {
        if (random.nextDouble() < 0.0004) {
            int id = 1 + random.nextInt(NODES);
            if (lives[id] != null) {
                lives[id] = null; // power lost: its loop never runs again, its page cache is gone
                disks[id].crash();
                crashes++;
            }
        }
        for (int id = 1; id <= NODES; id++) {
            if (lives[id] == null && random.nextDouble() < 0.004) {
                boot(id);
            }
        }
        if (random.nextDouble() < 0.001) {
            network.heal();
            int a = 1 + random.nextInt(NODES);
            int b = 1 + (a + random.nextInt(NODES - 1)) % NODES;
            switch (random.nextInt(4)) {
                case 0 -> { } // healed
                case 1 -> { // a node cut off from both others
                    for (int other = 1; other <= NODES; other++) {
                        if (other != a) {
                            network.cut(a, other);
                            network.cut(other, a);
                        }
                    }
                }
                case 2 -> network.cut(a, b); // one way
                default -> { // a and b cannot talk, but both reach the third
                    network.cut(a, b);
                    network.cut(b, a);
                }
            }
        }
    }

    /** Starts node {@code id} from what its disk holds durably, with a loop of its own on a clock of its own. */
    private void boot(int id) {
        incarnations[id]++;
        ManualClock clock = ManualClock.create();
        EventLoop loop = EventLoop.create("n" + id, clock);
        long offset = now; // this life's wall clock, as the leader stamps entries with it
        var node = new KvNode(id, cluster, new SimulatedDisk(disks[id]), loop, KvNode.DEFAULT_TICK, raft,
                random.split(), () -> EPOCH_MILLIS + offset + clock.nanos() / 1_000_000);
        node.connect(network.peers());
        lives[id] = new Life(node, loop);
    }

    /** The properties of {@link RaftInvariants}, on the cluster now and on its way from the last check. */
    private void checkSafety() {
        var keys = new ArrayList<NodeKey>();
        var logs = new ArrayList<List<LogEntry>>();
        var terms = new ArrayList<Long>();
        var lifeList = new ArrayList<Integer>();
        for (int id = 1; id <= NODES; id++) {
            lifeList.add(incarnations[id]);
            if (lives[id] != null) {
                NodeKey key = lives[id].node().key();
                ClusterView.learn(key, leaders, committed);
                keys.add(key);
                logs.add(key.log());
                terms.add(key.state().term());
            } else {
                keys.add(null);
                logs.add(disks[id].durableLog());
                terms.add(disks[id].durableTermVote().term());
            }
        }
        var cluster = new ClusterView.Snapshot(keys, logs, terms, lifeList, leaders, committed);
        String broken = RaftInvariants.firstBroken(checked == null ? cluster : checked.beforeLivesOf(cluster), cluster);
        if (broken != null) {
            problems.add(broken + " broken at " + now + " ms (" + states() + ")");
        }
        checked = cluster;
    }

    private String states() {
        var text = new StringBuilder();
        for (int id = 1; id <= NODES; id++) {
            text.append(id > 1 ? "; " : "").append(lives[id] == null ? "n" + id + " down" : lives[id].node().state());
        }
        return text.toString();
    }

    /**
     * A {@link KvNode}'s storage in the {@link KvNodeSimulation}: project 7's {@link MemoryDisk},
     * whose page cache a crash throws away. One disk outlives the node's lives: each new
     * {@code SimulatedDisk} over it is a restart, and recovers exactly what was synced.
     */
    private static final class SimulatedDisk implements KvNode.Storage {

        private final MemoryDisk disk;
        private final LogStorage recovered;
        private final TermVote recoveredTermVote;
        private final Snapshot recoveredSnapshot;

        /** Boots from what {@code disk} holds durably. */
        SimulatedDisk(MemoryDisk disk) {
            this.disk = disk;
            this.recovered = disk.durableStorage();
            this.recoveredTermVote = disk.durableTermVote();
            this.recoveredSnapshot = disk.snapshot();
        }

        @Override
        public Snapshot snapshot() {
            return recoveredSnapshot;
        }

        @Override
        public LogStorage log() {
            return recovered;
        }

        @Override
        public TermVote termVote() {
            return recoveredTermVote;
        }

        @Override
        public void save(TermVote termVote) {
            disk.save(termVote);
        }

        @Override
        public void write(long from, List<LogEntry> entries) {
            disk.write(from, entries);
        }

        @Override
        public void sync() {
            disk.sync();
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            disk.saveSnapshot(snapshot);
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "SimulatedDisk(" + disk + ")";
        }
    }
}
